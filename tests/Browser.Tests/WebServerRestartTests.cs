using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>An open page while its web server stops and starts again, as in a rolling update.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebServerRestartTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    // A page whose circuit was rejected still shows its old, enabled box until it has reloaded.
    private const string PageIsBack =
        "() => document.querySelector('[data-testid=message-input]')?.disabled === false && !document.querySelector('#components-reconnect-modal.components-reconnect-show, #components-reconnect-modal.components-reconnect-rejected')";

    private IPage _page = null!;

    public ValueTask InitializeAsync() => fixture.ResetModelAsync();

    [Fact]
    public async Task When_the_web_server_goes_away_it_refuses_the_page_a_banner_says_so_and_the_page_comes_back_by_itself()
    {
        _page = await fixture.SignedInPageAsync();
        await _page.SendAsync("before the outage");
        await _page.WaitForSequenceAsync(2);
        var url = _page.Url;
        var connections = new List<string>();
        _page.WebSocket += (_, socket) => { lock (connections) { connections.Add(socket.Url); } };

        // A grace far past the host's 30 s shutdown timeout: the server ends by itself. While it stops it refuses the
        // page's reconnection, which would hold it up and lose the circuit anyway.
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        var startAgain = await fixture.StopFrontendAsync(grace: TimeSpan.FromSeconds(60));
        stopping.Stop();
        string[] whileStopping;
        lock (connections)
        {
            whileStopping = [.. connections];
        }

        var banner = _page.Locator("[data-testid=reconnect-banner]");
        await banner.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 15_000 });
        var said = await banner.InnerTextAsync();
        await BrowserAppFixture.ScreenshotAsync(_page, "chat-reconnecting");
        // What the page did after the restart, for the failure message: a page that never comes back names why.
        var log = new List<string>();
        _page.Console += (_, m) => log.Add($"{DateTime.UtcNow:HH:mm:ss.fff} console {m.Type}: {m.Text}");
        _page.FrameNavigated += (_, f) => log.Add($"{DateTime.UtcNow:HH:mm:ss.fff} navigated {f.Url}");
        log.Add($"{DateTime.UtcNow:HH:mm:ss.fff} starting again");
        await startAgain();
        log.Add($"{DateTime.UtcNow:HH:mm:ss.fff} started");
        try
        {
            await _page.WaitForFunctionAsync(
                PageIsBack,
                null,
                new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            await BrowserAppFixture.ScreenshotAsync(_page, "chat-reconnect-timed-out");
            var state = await _page.EvaluateAsync<string>("() => document.getElementById('components-reconnect-modal')?.className ?? 'no banner'");
            throw new TimeoutException($"The page did not come back within 60 s of the restart; banner: {state}; the page's log:\n{string.Join('\n', log)}");
        }

        await _page.WaitForSequenceAsync(2);
        await _page.SendAsync("after the outage");
        await _page.WaitForSequenceAsync(4);

        whileStopping.ShouldBeEmpty($"the page opened a connection to the server that was stopping; it took {stopping.Elapsed.TotalSeconds:0.0} s to stop");
        said.ShouldContain("Reconnecting");
        _page.Url.ShouldBe(url);
        (await _page.MessagesAsync()).ShouldBe(["1 before the outage", "2 Echo: before the outage", "3 after the outage", "4 Echo: after the outage"]);
    }

    [Fact]
    public async Task A_page_whose_server_restarted_reloads_only_once_the_proxy_serves_the_chat_again()
    {
        _page = await fixture.SignedInPageAsync();
        await _page.SendAsync("before the rolling update");
        await _page.WaitForSequenceAsync(2);
        var url = _page.Url;

        // What a proxy answers while no replica is ready, as in a rolling update: its own error page.
        var proxyAnswers = 0;
        var answeredTwice = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _page.RouteAsync(url, async route =>
        {
            if (Interlocked.Increment(ref proxyAnswers) >= 2)
            {
                answeredTwice.TrySetResult();
            }

            await route.FulfillAsync(new() { Status = 503, ContentType = "text/plain", Body = "503 Service Unavailable (the proxy)" });
        });
        await _page.EvaluateAsync("() => window.beforeRestart = true");
        var startAgain = await fixture.StopFrontendAsync();
        await startAgain();
        await answeredTwice.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await _page.UnrouteAsync(url);

        // Until it reloads, the page still shows its old box: the mark set before the restart tells them apart.
        await _page.WaitForFunctionAsync(
            "() => !window.beforeRestart && document.querySelector('[data-testid=message-input]')?.disabled === false",
            null,
            new() { Timeout = 60_000 });
        await _page.WaitForSequenceAsync(2);

        proxyAnswers.ShouldBeGreaterThanOrEqualTo(2, "the page asked while the proxy had no server, and waited");
        (await _page.MessagesAsync()).ShouldBe(["1 before the rolling update", "2 Echo: before the rolling update"]);
    }

    [Fact]
    public async Task A_message_sent_while_the_server_is_away_does_not_take_the_page_off_the_chat()
    {
        _page = await fixture.SignedInPageAsync();
        await _page.SendAsync("before the outage");
        await _page.WaitForSequenceAsync(2);
        var url = _page.Url;
        var loads = new List<string>();
        _page.Request += (_, request) => { if (request.IsNavigationRequest) { lock (loads) { loads.Add(request.Url); } } };
        var startAgain = await fixture.StopFrontendAsync();
        await _page.Locator("[data-testid=reconnect-banner]").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 15_000 });

        // Tried: Enter in the composer (its script submits the form) while nothing serves the circuit. Left to the
        // browser, the form went to this page with "?" and, the server gone, stayed on the error with no script.
        await _page.EvaluateAsync("() => { document.querySelector('[data-testid=message-input]').value = 'typed while away'; document.querySelector('form.composer').requestSubmit(); }");
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        string[] whileAway;
        lock (loads)
        {
            whileAway = [.. loads];
        }

        await startAgain();
        await _page.WaitForFunctionAsync(
            PageIsBack,
            null,
            new() { Timeout = 60_000 });
        await _page.WaitForSequenceAsync(2);

        whileAway.ShouldBeEmpty("the page left the chat while its server was away");
        _page.Url.ShouldBe(url);
        (await _page.MessagesAsync()).ShouldBe(["1 before the outage", "2 Echo: before the outage"]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }
}
