using System.Net;
using Shouldly;

namespace ChatbotOrleans.Integration.Tests;

/// <summary>
/// Everything an anonymous caller can reach on the two processes outside Development: health answers
/// say one word, the dashboard stays closed under any spelling, and there is no admin page to find.
/// </summary>
[Collection(WebTierCollection.Name)]
public sealed class OpenSurfacesTests(WebTierFixture fixture)
{
    private static readonly string[] AdminGuesses =
        ["/admin", "/metrics", "/swagger", "/swagger/index.html", "/openapi/v1.json", "/env", "/config", "/debug", "/health", "/_framework/debug"];

    [Theory]
    [InlineData("web")]
    [InlineData("silo")]
    public async Task Health_endpoints_answer_one_word_and_reveal_nothing_else(string process)
    {
        using var http = new HttpClient { BaseAddress = process == "web" ? fixture.Web : fixture.Silo };

        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{process}{path}");
            (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("Healthy", $"{process}{path}");
        }
    }

    [Fact]
    public async Task The_silo_dashboard_is_closed_under_every_spelling_and_path()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Silo };

        foreach (var path in new[] { "/dashboard", "/dashboard/", "/DASHBOARD/", "/Dashboard/index.html", "/dashboard/api/cluster", "/dashboard//", "/dashboard/%2e%2e/dashboard/" })
        {
            using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound], path);
        }

        using var root = await http.GetAsync("/", TestContext.Current.CancellationToken);
        root.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the silo's root only points at the dashboard, which is closed");
        root.Headers.Location!.OriginalString.ShouldBe("/dashboard/");
    }

    [Theory]
    [InlineData("web")]
    [InlineData("silo")]
    public async Task There_is_no_admin_or_diagnostics_page_to_find(string process)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = process == "web" ? fixture.Web : fixture.Silo };

        foreach (var path in AdminGuesses.Append("/dashboard/"))
        {
            using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBeOneOf(
                process == "web" ? [HttpStatusCode.NotFound] : [HttpStatusCode.NotFound, HttpStatusCode.Forbidden], $"{process}{path}");
        }
    }
}
