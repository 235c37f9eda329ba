using System.Diagnostics;
using ChatbotOrleans.TestSupport;
using ChatbotOrleans.TestSupport.FakeOpenAI;
using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests.Faults;

/// <summary>The page through silo restarts and a silo killed mid-reply, with the frontend and browser left running.</summary>
[Collection(FaultCollection.Name)]
public sealed class ClusterFaultPageTests(FaultAppFixture fixture) : IAsyncLifetime
{
    /// <summary>Where the first stream of the cut-off reply stops: "Echo:", "cut", "off", "word1", "word2" are sent.</summary>
    private const int HeldBeforeToken = 5;

    private IPage? _page;

    public ValueTask InitializeAsync()
    {
        fixture.ResetModel();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task After_a_silo_restart_both_open_tabs_resubscribe_and_show_every_message_once_in_order()
    {
        _page = await fixture.SignedInPageAsync();
        await ChatPageProbe.SendAsync(_page, "before the restart");
        await ChatPageProbe.WaitForSettledAsync(_page, 2);
        var otherTab = await FaultAppFixture.SecondTabAsync(_page);

        await fixture.RestartSiloAfterKillAsync();
        var attempts = await ChatPageProbe.SendUntilStoredAsync(fixture, otherTab, "from the other tab after the restart", expectedMessages: 4);
        await ChatPageProbe.WaitForSettledAsync(_page, 4);
        await ChatPageProbe.SendAsync(_page, "after the restart");
        await ChatPageProbe.WaitForSettledAsync(_page, 6);
        await ChatPageProbe.WaitForSettledAsync(otherTab, 6);

        var first = await ChatPageProbe.ShownAsync(_page);
        var second = await ChatPageProbe.ShownAsync(otherTab);
        var counts = $"tab 1: {ChatPageProbe.Counts(3, first)}; tab 2: {ChatPageProbe.Counts(3, second)}; sends needed after the restart: {attempts}";
        TestContext.Current.TestOutputHelper?.WriteLine(counts);
        first.ShouldBe(
            [
                "1 user before the restart",
                "2 assistant Echo: before the restart",
                "3 user from the other tab after the restart",
                "4 assistant Echo: from the other tab after the restart",
                "5 user after the restart",
                "6 assistant Echo: after the restart",
            ],
            counts);
        second.ShouldBe(first, counts);
    }

    [Fact]
    public async Task A_reply_cut_off_by_a_killed_silo_is_written_again_and_the_open_page_shows_it_once_without_a_reload()
    {
        _page = await fixture.SignedInPageAsync();
        var words = string.Join(' ', Enumerable.Range(1, 16).Select(i => $"word{i}"));
        var model = fixture.App.Model;
        model.ReplyText = request => $"Echo: {request.LastUserText} {words}";

        // The first stream stops before word3 and stays open until the silo dies with it: the reply is surely cut
        // off however loaded the machine (a reply paced by a delay could end before a lagging page showed word2).
        var cutOff = new TaskCompletionSource<FakeChatRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        model.BeforeTokenAsync = (request, index, ct) =>
            request.LastUserText == "cut off" && index == HeldBeforeToken && cutOff.TrySetResult(request)
                ? Task.Delay(Timeout.Infinite, ct)
                : Task.CompletedTask;
        await ChatPageProbe.SendAsync(_page, "cut off");
        await cutOff.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Killed (SIGKILL) with the reply half written: it is neither finished nor stored.
        await fixture.RestartSiloAfterKillAsync();
        var partial = await _page.Locator("[data-testid=reply-in-progress] .text").AllInnerTextsAsync();
        var clock = Stopwatch.StartNew();

        // No user action: the reply sweep on the new silo finds the unanswered message and the page, still
        // subscribed, receives the new attempt from its first token.
        await ChatPageProbe.WaitForSettledAsync(_page, 2, 60_000);
        var settledAfter = clock.Elapsed;

        // A second attempt would come from the next sweep (every 2 s) or a second activation: give it time to show.
        var asked = await Poll.StaysTrueForAsync(() => model.Requests.Where(r => r.LastUserText == "cut off").ToList(), r => r.Count <= 2, "at most two model requests for the message");
        var shown = await ChatPageProbe.ShownAsync(_page);
        var reloaded = await ChatPageProbe.ShownAfterReloadAsync(_page, 2);

        var counts = $"{ChatPageProbe.Counts(1, shown)}; shown while the silo was down: [{string.Join(" | ", partial)}]; "
            + $"model requests for the message: {asked.Count} [{string.Join(", ", asked.Select(r => $"#{r.Number} at {r.StartedAt:HH:mm:ss.fff}: {r.Outcome} after {r.TokensSent} tokens"))}]; "
            + $"settled {settledAfter.TotalSeconds:0.0} s after the new silo was up";
        TestContext.Current.TestOutputHelper?.WriteLine(counts);
        shown.ShouldBe(["1 user cut off", $"2 assistant Echo: cut off {words}"], counts);
        reloaded.ShouldBe(shown, "what the page showed live is what was stored; " + counts);
        asked.Count.ShouldBe(2, "the cut-off request and the one that answered; " + counts + "\n" + fixture.RecentOutput(60));
        asked[0].TokensSent.ShouldBe(HeldBeforeToken, "the first request was the one cut off; " + counts);
    }

    [Fact]
    public async Task After_the_silo_comes_back_at_another_gateway_address_the_open_page_finds_it_and_streams_again()
    {
        _page = await fixture.SignedInPageAsync();
        await ChatPageProbe.SendAsync(_page, "before the move");
        await ChatPageProbe.WaitForSettledAsync(_page, 2);

        var joined = await fixture.ReplaceSiloOnOtherPortsAsync();
        var clock = Stopwatch.StartNew();
        var attempts = await ChatPageProbe.SendUntilStoredAsync(fixture, _page, "after the move", expectedMessages: 4);
        var storedAfter = clock.Elapsed;
        await ChatPageProbe.WaitForSettledAsync(_page, 4);

        // The reply arrived over the page's stream subscription, made again through the new gateway.
        var shown = await ChatPageProbe.ShownAsync(_page);
        var reloaded = await ChatPageProbe.ShownAfterReloadAsync(_page, 4);

        var counts = $"{ChatPageProbe.Counts(2, shown)}; the new silo joined {joined.TotalSeconds:0.0} s after the kill; sends needed at the new address: {attempts}, stored {storedAfter.TotalSeconds:0.0} s after the new silo was up";
        TestContext.Current.TestOutputHelper?.WriteLine(counts);

        // How soon the new silo joins is reported, not judged: it waits until the killed one is declared dead,
        // and a loaded machine stretches that by tens of seconds (a speed figure belongs in bench/).
        shown.ShouldBe(
            [
                "1 user before the move",
                "2 assistant Echo: before the move",
                "3 user after the move",
                "4 assistant Echo: after the move",
            ],
            counts);
        reloaded.ShouldBe(shown, "what the page showed live is what was stored; " + counts);
    }

    [Fact]
    public async Task A_page_opened_while_no_silo_runs_says_so_and_opens_the_chat_by_itself_once_one_is_back()
    {
        _page = await fixture.SignedInPageAsync();
        await ChatPageProbe.SendAsync(_page, "before the silo stopped");
        await ChatPageProbe.WaitForSettledAsync(_page, 2);

        // As a page reloaded by a rolling update meets a frontend whose silos are all being replaced.
        await fixture.KillSiloAsync();
        var tab = await _page.Context.NewPageAsync();
        await tab.GotoAsync(_page.Url);
        var notice = tab.Locator("[data-testid=notice]");
        await notice.WaitForAsync(new() { Timeout = 30_000 });
        var said = await notice.InnerTextAsync();
        await tab.EvaluateAsync("() => window.beforeTheSilo = true");
        await fixture.StartSiloAsync();
        await ChatPageProbe.WaitForSettledAsync(tab, 2, 60_000);
        await notice.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 30_000 });
        var attempts = await ChatPageProbe.SendUntilStoredAsync(fixture, tab, "once the silo was back", expectedMessages: 4);

        said.ShouldBe("The chat service is unreachable. Reconnecting…");
        (await tab.EvaluateAsync<bool>("() => window.beforeTheSilo === true")).ShouldBeTrue("the page opened the chat without being reloaded");
        (await ChatPageProbe.ShownAsync(tab)).ShouldBe(
            ["1 user before the silo stopped", "2 assistant Echo: before the silo stopped", "3 user once the silo was back", "4 assistant Echo: once the silo was back"],
            $"sends needed after the silo was back: {attempts}");
        (await tab.Locator("[data-testid=conversation-link]").CountAsync()).ShouldBe(1, "the sidebar lists the chat too");
    }

    public async ValueTask DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }
}
