using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Integration.Tests;

/// <summary>What operators and orchestrators see of the running processes: health and the dashboard.</summary>
public sealed class OperationalEndpointsTests(PostgresServerFixture postgres)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_frontend_is_live_but_not_ready_until_a_silo_is_up_and_then_both_are_ready()
    {
        await using var app = await AppTopology.CreateAsync(postgres, Token);
        (await app.MigrateAsync(Token)).ExitCode.ShouldBe(0);
        using var http = new HttpClient();

        var web = await app.StartFrontendAsync(Token, waitUntilReady: false);
        var liveAlone = await http.GetAsync(new Uri(web, "health/live"), Token);
        var readyAlone = await http.GetAsync(new Uri(web, "health/ready"), Token);
        var (_, silo) = await app.StartSiloAsync(Token);
        var readyWithSilo = await Poll.UntilAsync(
            () => http.GetAsync(new Uri(web, "health/ready"), Token),
            response => response.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "the frontend to find the silo's gateway");

        liveAlone.StatusCode.ShouldBe(HttpStatusCode.OK);
        readyAlone.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        readyWithSilo.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync(new Uri(silo, "health/live"), Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync(new Uri(silo, "health/ready"), Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Outside_Development_the_dashboard_is_closed_without_credentials_asks_for_them_and_stops_a_guesser()
    {
        await using var app = await AppTopology.CreateAsync(postgres, Token);
        (await app.MigrateAsync(Token)).ExitCode.ShouldBe(0);
        using var http = new HttpClient();
        var (_, open) = await app.StartSiloAsync(Token);
        var (_, passwordOnly) = await app.StartSiloAsync(Token, new Dictionary<string, string?> { ["Dashboard__Password"] = "s3cret-dashboard" });
        var (_, guarded) = await app.StartSiloAsync(Token, new Dictionary<string, string?>
        {
            ["Dashboard__Username"] = "ops",
            ["Dashboard__Password"] = "s3cret-dashboard",
        });

        var noPassword = await http.GetAsync(new Uri(open, "dashboard/"), Token);
        var noUser = await SendAsync(http, new Uri(passwordOnly, "dashboard/"), "admin:s3cret-dashboard");
        var anonymous = await http.GetAsync(new Uri(guarded, "dashboard/"), Token);
        var right = await SendAsync(http, new Uri(guarded, "dashboard/"), "ops:s3cret-dashboard");
        var wrong = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            wrong.Add((await SendAsync(http, new Uri(guarded, "dashboard/"), $"admin:guess-{i}")).StatusCode);
        }

        var afterGuessing = await SendAsync(http, new Uri(guarded, "dashboard/"), "ops:s3cret-dashboard");

        noPassword.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await noPassword.Content.ReadAsStringAsync(Token)).ShouldContain("Dashboard__Password");
        noUser.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "no default user name: 'admin' opens nothing");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Basic");
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        wrong.ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        afterGuessing.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "ten wrong guesses lock the address out, right password or not");
        (await afterGuessing.Content.ReadAsStringAsync(Token)).ShouldMatch(@"^Too many wrong passwords from your address; try again in \d+ minutes\.$");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Uri url, string credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return await http.SendAsync(request, Token);
    }
}
