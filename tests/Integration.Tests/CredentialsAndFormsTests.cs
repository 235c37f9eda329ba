using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using MimeKit;
using Shouldly;

namespace ChatbotOrleans.Integration.Tests;

/// <summary>
/// The real frontend process in Production, asked with missing, tampered, forged and expired auth
/// cookies, and posted forms without their antiforgery token: each is refused and nothing happens.
/// </summary>
[Collection(WebTierCollection.Name)]
public sealed partial class CredentialsAndFormsTests(WebTierFixture fixture)
{
    [Theory]
    [InlineData("no cookie")]
    [InlineData("tampered cookie")]
    [InlineData("cookie from another key ring")]
    [InlineData("expired cookie")]
    public async Task Without_a_valid_auth_cookie_the_chat_sends_the_browser_to_sign_in(string credentials)
    {
        var (user, email) = await NewUserAsync();
        using var session = new WebSession(fixture.Web);
        var cookie = credentials switch
        {
            "no cookie" => null,
            "tampered cookie" => Tampered(await SignedInCookieAsync()),
            "cookie from another key ring" => KeyRingTickets.WithForeignKeys(user.Value, email, await StampOfAsync(user)),
            "expired cookie" => await FrontendTicketAsync(user, email, DateTimeOffset.UtcNow.AddMinutes(-1)),
            _ => throw new ArgumentOutOfRangeException(nameof(credentials)),
        };
        if (cookie is not null)
        {
            session.SetAuth(cookie);
        }

        foreach (var path in new[] { "/", $"/c/{Guid.NewGuid():N}" })
        {
            using var response = await session.GetAsync(path);

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{credentials}, {path}");
            response.Headers.Location!.OriginalString.ShouldStartWith($"{fixture.Web}signin?ReturnUrl=", Case.Insensitive, $"{credentials}, {path}");
        }
    }

    [Fact]
    public async Task The_cookie_makers_of_the_other_cases_are_right_a_fresh_ticket_from_the_same_keys_opens_the_chat()
    {
        var (user, email) = await NewUserAsync();
        using var session = new WebSession(fixture.Web);
        session.SetAuth(await FrontendTicketAsync(user, email, DateTimeOffset.UtcNow.AddHours(1)));

        using var response = await session.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "a good ticket made the same way is accepted, so the refusals above are about the flaw");
    }

    [Fact]
    public async Task A_sign_in_post_without_its_antiforgery_token_or_with_another_sessions_token_is_refused_and_creates_no_account()
    {
        var address = $"no-token-{Guid.NewGuid():N}@example.com";
        using var attacker = new WebSession(fixture.Web);
        using var victim = new WebSession(fixture.Web);
        var victimsToken = await victim.FormTokenAsync("/signin");
        await attacker.FormTokenAsync("/signin");

        using var withoutToken = await attacker.PostAsync("/signin", new() { ["_handler"] = "signin", ["Input.Email"] = address });
        using var withStolenToken = await attacker.PostAsync(
            "/signin", new() { ["_handler"] = "signin", ["__RequestVerificationToken"] = victimsToken, ["Input.Email"] = address });
        var first = await fixture.Client.GetGrain<ISignInGrain>(0).SignInAsync(address, TestNetworks.Unique());

        withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        withStolenToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        attacker.Auth.ShouldBeNull();
        first.Succeeded.ShouldBeTrue("the address had no account yet: a later sign-in would have been sent a link instead");
    }

    [Fact]
    public async Task A_network_over_its_hourly_sign_in_limit_is_told_to_wait_on_every_replica_and_no_account_or_email_is_made()
    {
        // Production's limit, 60 an hour, from a network of its own (the proxy's X-Forwarded-For entry), the
        // requests spread over both frontend replicas as the proxy would: the cluster counts them together.
        const int PerHour = 60;
        var host = Random.Shared.Next(1, 254);
        var network = $"192.0.2.{host}";
        var signedIn = 0;
        for (var i = 0; i < PerHour; i++)
        {
            using var session = new WebSession(i % 2 == 0 ? fixture.Web : fixture.OtherWeb, network);
            using var response = await session.SignInAsync($"net-{i}-{Guid.NewGuid():N}@example.com");
            signedIn += response.StatusCode == HttpStatusCode.Redirect && session.Auth is not null ? 1 : 0;
        }

        var refusedAddress = $"net-refused-{Guid.NewGuid():N}@example.com";
        using var refusedSession = new WebSession(fixture.Web, network);
        using var refused = await refusedSession.SignInAsync(refusedAddress);
        var refusedPage = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var otherReplicaSession = new WebSession(fixture.OtherWeb, network);
        using var otherReplica = await otherReplicaSession.SignInAsync(refusedAddress);
        using var spoofing = new WebSession(fixture.Web, $"198.51.100.9, {network}");
        using var spoofed = await spoofing.SignInAsync($"net-spoofed-{Guid.NewGuid():N}@example.com");
        using var neighbour = new WebSession(fixture.Web, $"192.0.2.{host + 1}");
        using var neighbourSignIn = await neighbour.SignInAsync($"net-neighbour-{Guid.NewGuid():N}@example.com");
        var afterwards = await fixture.Client.GetGrain<ISignInGrain>(0).SignInAsync(refusedAddress, TestNetworks.Unique());

        signedIn.ShouldBe(PerHour);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK, "the form again, with the sentence");
        refusedPage.ShouldMatch(@"Too many sign-ins from your network in the last hour; try again in \d+ minutes?\.");
        refusedSession.Auth.ShouldBeNull();
        otherReplica.StatusCode.ShouldBe(HttpStatusCode.OK, "the other replica refuses too: 30 sign-ins each, one count");
        otherReplicaSession.Auth.ShouldBeNull();
        spoofed.StatusCode.ShouldBe(HttpStatusCode.OK, "an address the client wrote before the proxy's entry changes nothing");
        spoofing.Auth.ShouldBeNull();
        neighbourSignIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the limit is per network");
        afterwards.Succeeded.ShouldBeTrue("the refused address got no account, so no email either: it signs in at once now");
    }

    [Fact]
    public async Task A_sign_in_link_post_without_its_antiforgery_token_is_refused_and_the_link_still_works_once()
    {
        var address = $"link-{Guid.NewGuid():N}@example.com";
        var signIn = fixture.Client.GetGrain<ISignInGrain>(0);
        await signIn.SignInAsync(address, TestNetworks.Unique());
        (await signIn.SignInAsync(address, TestNetworks.Unique())).LinkSent.ShouldBeTrue();
        var token = await LinkTokenMailedToAsync(address);
        using var session = new WebSession(fixture.Web);
        await session.GetAsync($"/signin/link?token={token}");

        using var response = await session.PostAsync("/signin/link", new() { ["_handler"] = "signin-link", ["Token"] = token });
        var redeemed = await signIn.RedeemLinkAsync(token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        session.Auth.ShouldBeNull();
        redeemed.Succeeded.ShouldBeTrue("the refused post did not use the link up");
    }

    [Fact]
    public async Task A_sign_out_post_without_its_antiforgery_token_is_refused_and_the_user_stays_signed_in()
    {
        using var session = new WebSession(fixture.Web);
        (await session.SignInAsync($"stay-{Guid.NewGuid():N}@example.com")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        session.Auth.ShouldNotBeNull();

        using var forged = await session.PostAsync("/signout", []);
        using var stillIn = await session.GetAsync("/");
        using var real = await session.PostAsync("/signout", new() { ["__RequestVerificationToken"] = await session.FormTokenAsync("/") });
        using var afterSignOut = await session.GetAsync("/");

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        stillIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        real.StatusCode.ShouldBe(HttpStatusCode.Redirect, "with its token the same post signs out");
        afterSignOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_reader_of_the_database_cannot_forge_a_cookie_with_the_stored_key_ring()
    {
        var (user, email) = await NewUserAsync();
        using var session = new WebSession(fixture.Web);
        await session.FormTokenAsync("/signin");
        var stamp = await StampOfAsync(user);

        var stored = await StoredKeysAsync();

        // Without the certificate no stored key can be read, so nothing can be protected with the frontend's keys.
        Should.Throw<System.Security.Cryptography.CryptographicException>(() => KeyRingTickets.WithFrontendKeys(
            fixture.Harness.Topology.ConnectionString, certificate: null, user.Value, email, stamp, DateTimeOffset.UtcNow.AddHours(1)));
        stored.ShouldNotBeEmpty();
        stored.ShouldAllBe(xml => xml.Contains("EncryptedData", StringComparison.Ordinal) && !xml.Contains("<masterKey", StringComparison.Ordinal));
    }

    private async Task<List<string>> StoredKeysAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Harness.Topology.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new Npgsql.NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var keys = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private async Task<Guid> StampOfAsync(UserId user) =>
        (await fixture.Client.GetGrain<IUserGrain>(user.Value).GetProfileAsync()).ShouldNotBeNull().SessionStamp;

    private async Task<(UserId User, string Email)> NewUserAsync()
    {
        var email = $"cookie-{Guid.NewGuid():N}@example.com";
        var result = await fixture.Client.GetGrain<ISignInGrain>(0).SignInAsync(email, TestNetworks.Unique());
        return (result.User.ShouldNotBeNull().Id, email);
    }

    private async Task<string> SignedInCookieAsync()
    {
        using var session = new WebSession(fixture.Web);
        (await session.SignInAsync($"real-{Guid.NewGuid():N}@example.com")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return session.Auth.ShouldNotBeNull();
    }

    private async Task<string> FrontendTicketAsync(UserId user, string email, DateTimeOffset expiresAt)
    {
        // The frontend makes its first key when it first protects something (a form token, a cookie).
        using var session = new WebSession(fixture.Web);
        await session.FormTokenAsync("/signin");
        using var certificate = X509Certificate2.CreateFromPem(TestKeyRingCertificate.Pem, TestKeyRingCertificate.Pem);
        return KeyRingTickets.WithFrontendKeys(fixture.Harness.Topology.ConnectionString, certificate, user.Value, email, await StampOfAsync(user), expiresAt);
    }

    /// <summary>One character in the middle changed: still well-formed base64url, but no longer what the keys signed.</summary>
    private static string Tampered(string cookie)
    {
        var middle = cookie.Length / 2;
        return string.Concat(cookie.AsSpan(0, middle), cookie[middle] == 'A' ? "B" : "A", cookie.AsSpan(middle + 1));
    }

    private async Task<string> LinkTokenMailedToAsync(string address) =>
        (await Poll.UntilAsync(
            async () =>
            {
                foreach (var file in fixture.MailFolder.GetFiles("*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file.FullName);
                    if (message.To.ToString().Contains(address, StringComparison.OrdinalIgnoreCase)
                        && (message.Subject ?? "").Contains("link", StringComparison.OrdinalIgnoreCase)
                        && LinkToken().Match(message.TextBody ?? "") is { Success: true } match)
                    {
                        return match.Groups[1].Value;
                    }
                }

                return null;
            },
            token => token is not null,
            TimeSpan.FromSeconds(30),
            "the sign-in link email"))!;

    [GeneratedRegex(@"/signin/link[?#]token=([A-Za-z0-9_-]+)")]
    private static partial Regex LinkToken();
}
