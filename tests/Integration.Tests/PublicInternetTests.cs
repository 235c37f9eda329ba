using System.Net;
using ChatbotOrleans.TestSupport;
using Npgsql;
using Shouldly;

namespace ChatbotOrleans.Integration.Tests;

/// <summary>
/// The real frontend in Production behind a TLS-terminating proxy, as deployed: what a stranger's browser is
/// told about the page (headers), the cookies it is given, and what the sign-in form lets it learn.
/// </summary>
[Collection(WebTierCollection.Name)]
public sealed class PublicInternetTests(WebTierFixture fixture)
{
    [Fact]
    public async Task A_page_served_through_the_tls_proxy_carries_a_script_policy_nosniff_no_referrer_and_hsts()
    {
        using var http = new HttpClient { BaseAddress = fixture.Web };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.Host = "chat.example.com";
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var policy = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
        policy.ShouldContain("default-src 'self'");
        policy.ShouldMatch(@"(^|; )script-src 'self' 'nonce-[A-Za-z0-9_-]{22}'(;|$)", "only our own scripts, and the inline import map by its nonce: no 'unsafe-inline', no 'unsafe-eval'");
        policy.ShouldContain("object-src 'none'");
        policy.ShouldContain("frame-ancestors 'self'");
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        html.ShouldContain($"nonce=\"{nonce}\"", customMessage: "the import map carries this response's nonce");
        // A nonce the page HTML-encodes (a '+' becomes &#x2B;) no longer matches; twenty more pages would show one.
        for (var i = 0; i < 20; i++)
        {
            using var again = await http.GetAsync("/signin", TestContext.Current.CancellationToken);
            var againNonce = System.Text.RegularExpressions.Regex.Match(again.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
            (await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain($"nonce=\"{againNonce}\"");
        }
        response.Headers.GetValues("X-Content-Type-Options").ShouldHaveSingleItem().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").ShouldHaveSingleItem().ShouldBe("no-referrer");
        response.Headers.GetValues("Strict-Transport-Security").ShouldHaveSingleItem().ShouldStartWith("max-age=");
    }

    [Fact]
    public async Task The_session_cookie_is_secure_even_though_the_proxy_speaks_plain_http_to_the_app()
    {
        using var session = new WebSession(fixture.Web);

        using var form = await session.GetAsync("/signin");
        using var signIn = await session.SignInAsync($"secure-{Guid.NewGuid():N}@example.com");

        // The antiforgery cookie follows the request's scheme (the framework refuses to issue a Secure one over
        // plain http); it opens nothing by itself. The session cookie is what must never travel unencrypted.
        var auth = signIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith(WebSession.AuthCookie + "=", StringComparison.Ordinal)).ToList();
        auth.ShouldHaveSingleItem("signed in").ShouldContain("; secure", Case.Insensitive, "the request was plain http");
        auth[0].ShouldContain("; httponly", Case.Insensitive);
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_sign_in_page_does_not_say_that_an_address_already_has_an_account()
    {
        var address = $"known-{Guid.NewGuid():N}@example.com";
        await fixture.Client.GetGrain<Grains.Abstractions.ISignInGrain>(0).SignInAsync(address, TestNetworks.Unique());
        using var session = new WebSession(fixture.Web);

        using var response = await session.SignInAsync(address);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain("Check your inbox: we emailed a sign-in link to this address.");
        page.ShouldNotContain("already has an account", Case.Insensitive);
        session.Auth.ShouldBeNull();
    }

    [Fact]
    public async Task A_session_signed_out_everywhere_is_refused_on_its_next_request()
    {
        using var session = new WebSession(fixture.Web);
        using var stolen = new WebSession(fixture.OtherWeb);
        (await session.SignInAsync($"everywhere-{Guid.NewGuid():N}@example.com")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stolen.SetAuth(session.Auth!);
        using var before = await stolen.GetAsync("/account");

        using var signOut = await session.PostAsync("/signout/everywhere", new() { ["__RequestVerificationToken"] = await session.FormTokenAsync("/account") });
        using var after = await stolen.GetAsync("/account");

        before.StatusCode.ShouldBe(HttpStatusCode.OK, "a copy of the cookie works until the user signs out everywhere");
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect, "on the other replica too, at once");
        after.Headers.Location!.OriginalString.ShouldContain("signin");
    }

    [Fact]
    public async Task The_frontend_runs_on_a_database_role_that_cannot_read_conversations_usage_or_grain_state()
    {
        var admin = new NpgsqlConnectionStringBuilder(fixture.Harness.Topology.ConnectionString);
        var login = $"web_{Guid.NewGuid():N}"[..20];
        await ExecuteAsync(admin.ConnectionString, $"CREATE ROLE {login} LOGIN PASSWORD 'web' IN ROLE chatbot_frontend");
        var web = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Username = login, Password = "web" }.ConnectionString;

        var denied = new List<string>();
        foreach (var table in new[] { "orleansstorage", "conversation_messages", "reply_usage", "orleansreminderstable" })
        {
            var failure = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(web, $"SELECT count(*) FROM {table}"));
            denied.Add($"{table}: {failure.SqlState}");
        }

        var frontend = await fixture.Harness.Topology.StartFrontendAsync(
            TestContext.Current.CancellationToken, new Dictionary<string, string?> { ["ConnectionStrings__Orleans"] = web });
        using var session = new WebSession(frontend);
        using var signIn = await session.SignInAsync($"least-{Guid.NewGuid():N}@example.com");
        using var chat = await session.GetAsync("/");

        denied.ShouldBe(["orleansstorage: 42501", "conversation_messages: 42501", "reply_usage: 42501", "orleansreminderstable: 42501"]);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, "gateways found and a cookie protected with keys it stored itself");
        chat.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
