using System.Net;
using ChatbotOrleans.Bench.ScaleOut;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace ChatbotOrleans.Bench.Tests;

/// <summary>
/// The bench's claim about two frontends rests on its proxy doing what Traefik does: keep a page on its frontend, and
/// send it to the other one once its frontend stops. Two stand-in frontends on loopback, real HTTP, real cookies.
/// </summary>
public sealed class StickyProxyTests
{
    [Fact]
    public async Task Keeps_a_client_on_its_frontend_and_moves_it_when_that_frontend_stops()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await StandIn.StartAsync(ct);
        await using var second = await StandIn.StartAsync(ct);
        await using var proxy = await StickyProxy.StartAsync([first.Url, second.Url], ct);
        using var alice = Client(proxy);
        using var bob = Client(proxy);

        var alicesFrontend = await FrontendAsync(alice, ct);
        var bobsFrontend = await FrontendAsync(bob, ct);
        bobsFrontend.ShouldNotBe(alicesFrontend, "the first request of each client goes round-robin");
        for (var i = 0; i < 5; i++)
        {
            (await FrontendAsync(alice, ct)).ShouldBe(alicesFrontend, "the cookie keeps a client on its frontend");
        }

        await (alicesFrontend == 0 ? first : second).DisposeAsync();

        // Until the probes take it out, a request to the stopped frontend fails (502); after that, it goes to the other.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        int? moved;
        while ((moved = await AnsweringFrontendAsync(alice, ct)) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, ct);
        }

        moved.ShouldBe(bobsFrontend, "the stopped frontend's client is sent to the one still running");
        (await FrontendAsync(alice, ct)).ShouldBe(bobsFrontend, "and stays there");
        (await FrontendAsync(bob, ct)).ShouldBe(bobsFrontend, "the other frontend's clients never noticed");
    }

    private static HttpClient Client(StickyProxy proxy) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = proxy.Url };

    private static async Task<int> FrontendAsync(HttpClient client, CancellationToken ct)
    {
        var named = await AnsweringFrontendAsync(client, ct);
        named.ShouldNotBeNull("the proxy answered and named the frontend behind it");
        return named.Value;
    }

    /// <summary>The frontend that answered a request through the proxy, or null when the request failed (a 502).</summary>
    private static async Task<int?> AnsweringFrontendAsync(HttpClient client, CancellationToken ct)
    {
        using var response = await client.GetAsync("/", ct);
        return response.IsSuccessStatusCode ? StickyProxy.FrontendOf(response.Headers.GetValues(StickyProxy.FrontendHeader).Single()) : null;
    }

    /// <summary>A frontend reduced to what the proxy looks at: a page and <c>/health/ready</c>.</summary>
    private sealed class StandIn(WebApplication app, Uri url) : IAsyncDisposable
    {
        private bool _stopped;

        public Uri Url { get; } = url;

        public static async Task<StandIn> StartAsync(CancellationToken ct)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.MapGet("/", () => "chat");
            app.MapGet("/health/ready", () => Results.Ok("Healthy"));
            await app.StartAsync(ct);
            return new StandIn(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
        }

        public async ValueTask DisposeAsync()
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
