using System.Text.Json;
using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>A chat as an archive: scrolled back to its first message, jumped to its latest, exported.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ArchiveTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => fixture.ResetModelAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Scrolling_up_from_message_122_reaches_message_1_and_the_message_in_view_stays_put_as_each_page_loads_above()
    {
        var (page, _) = await fixture.OpenArchiveAsync("Lighthouse log", 120);
        (await page.FirstShownAsync()).ShouldBe(122 - ArchiveSteps.Window + 1, "the page opens with the newest messages");
        (await page.InnerTextAsync("body")).ShouldNotContain("Older messages are not shown");

        var pages = new List<string>();
        for (var (sequence, top) = await page.ScrollToTopAsync(); sequence > 1; (sequence, top) = await page.ScrollToTopAsync())
        {
            pages.Count.ShouldBeLessThan(5, $"pages so far: {string.Join(", ", pages)}");
            await page.WaitForFunctionAsync("s => Number(document.querySelector('[data-testid=message]').dataset.sequence) < s", sequence);
            var after = await page.TopOfAsync(sequence);
            after.ShouldBe(top, 1.0, $"message {sequence} stays {top:0} px from the top while older ones load above it");
            pages.Add($"{await page.FirstShownAsync()}-{sequence - 1}");
        }

        await page.Locator("[data-testid=history-start]").WaitForAsync();
        pages.ShouldBe(["59-90", "27-58", "1-26"], "pages of 32, keyset by sequence, to the first message");
        (await page.Locator("[data-testid=message]").CountAsync()).ShouldBe(64, "the page read last and the one before it; the newer ones were let go");
        (await page.TextContentAsync("[data-testid=history-announcer]"))!.Trim().ShouldBe("Loaded 26 older messages.");
        await page.WaitForFunctionAsync("() => window.scrollY === 0 || document.querySelector('[data-testid=message]').getBoundingClientRect().top >= 0");
        await BrowserAppFixture.ScreenshotAsync(page, "archive-scrolled-back");

        // On the way down the messages let go are read again, until the list meets the newest.
        for (var scrolls = 0; await page.Locator("[data-testid=message][data-sequence='122']").CountAsync() == 0; scrolls++)
        {
            scrolls.ShouldBeLessThan(6);
            var last = await page.EvaluateAsync<int>(
                "() => { window.scrollTo(0, document.documentElement.scrollHeight); return Math.max(...[...document.querySelectorAll('[data-testid=message]')].map(m => Number(m.dataset.sequence))); }");
            await page.WaitForFunctionAsync(
                "s => [...document.querySelectorAll('[data-testid=message]')].some(m => Number(m.dataset.sequence) > s)", last);
        }

        var shown = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('[data-testid=message]')].map(m => Number(m.dataset.sequence))");
        shown.ShouldBe(Enumerable.Range(shown[0], shown.Length).ToArray(), "no message missing or twice on the way back");
        shown.Length.ShouldBeLessThanOrEqualTo(64);
    }

    [Fact]
    public async Task On_a_tall_window_a_page_loaded_above_the_reader_stays_and_is_not_swapped_back_for_the_newer_one()
    {
        var (page, _) = await fixture.OpenArchiveAsync("Tall screen", 120);

        // A window so tall that, once a page is put above the reader, the page below them is within the list's
        // 800 px reach too: loading either end lets the other go, so the two would swap on every load.
        var span = await page.EvaluateAsync<double>(
            "() => { const m = [...document.querySelectorAll('[data-testid=message]')]; return m.at(-1).getBoundingClientRect().bottom - m[0].getBoundingClientRect().top; }");
        await page.SetViewportSizeAsync(1100, (int)Math.Max(500, span - 500));

        // Up to the page that lets the newest go (whether the tall window already read one above them by itself
        // depends on the page's layout): that is the load that puts the reader's page below within reach.
        var sequence = 0;
        for (var scrolls = 0; await page.Locator("[data-testid=message][data-sequence='122']").CountAsync() > 0; scrolls++)
        {
            scrolls.ShouldBeLessThan(4, "a page above lets the newest messages go within three scrolls to the top");
            (sequence, _) = await page.ScrollToTopAsync();
            await page.WaitForFunctionAsync("s => Number(document.querySelector('[data-testid=message]').dataset.sequence) < s", sequence);
        }

        // Each swap is one round trip (tens of ms): a quiet 3 s would see one.
        for (var i = 0; i < 12; i++)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            (await page.FirstShownAsync()).ShouldBeLessThan(sequence, $"the page read above message {sequence} is still there after {(i + 1) * 250} ms");
        }
    }

    [Fact]
    public async Task A_reader_who_scrolls_up_before_the_list_script_has_loaded_stays_up_and_older_messages_load()
    {
        var (page, _) = await fixture.OpenArchiveAsync("Early reader", 60);

        // The list's script is held until the reader has scrolled up, as on a slow link; the page is usable before it.
        var scrolled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/Chat/MessageList.*.js", async route =>
        {
            await scrolled.Task;
            await route.ContinueAsync();
        });
        await page.ReloadAsync();
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
        await page.WaitForSequenceAsync(62);
        var (sequence, _) = await page.ScrollToTopAsync();
        scrolled.SetResult();

        await page.WaitForFunctionAsync("s => Number(document.querySelector('[data-testid=message]').dataset.sequence) < s", sequence);
        await page.Locator("[data-testid=history-start]").WaitForAsync();
        (await page.InViewAsync(62)).ShouldBeFalse("the newest message stays below the reader");
    }

    [Fact]
    public async Task A_reader_who_scrolls_up_as_the_page_changes_is_not_taken_back_to_the_newest_message()
    {
        var (page, _) = await fixture.OpenArchiveAsync("Busy page", 60);

        // The browser tells of a scroll (its scroll event) a frame later, hundreds of milliseconds on a busy machine; the
        // page changing meanwhile (the Jump to latest button, a streamed token, a time refreshed) is a node coming and going.
        var (sequence, top) = await page.ScrollToTopAsync(changingThePage: true);

        (await page.InViewAsync(sequence)).ShouldBeTrue($"message {sequence}, which the reader scrolled up to, is still in view");
        await page.WaitForFunctionAsync("s => Number(document.querySelector('[data-testid=message]').dataset.sequence) < s", sequence);
        (await page.TopOfAsync(sequence)).ShouldBe(top, 1.0, $"message {sequence} stays {top:0} px from the top while older ones load above it");
        (await page.InViewAsync(62)).ShouldBeFalse("the newest message stays below the reader");
    }

    [Fact]
    public async Task A_question_scrolled_back_to_far_past_the_grains_window_can_be_edited_and_the_old_path_stays()
    {
        var (page, _) = await fixture.OpenArchiveAsync("Old question", 60);
        while (await page.Locator("[data-testid=history-start]").CountAsync() == 0)
        {
            var (sequence, _) = await page.ScrollToTopAsync();
            await page.WaitForFunctionAsync(
                "s => Number(document.querySelector('[data-testid=message]').dataset.sequence) < s || !!document.querySelector('[data-testid=history-start]')",
                sequence);
        }

        // Message 3 is 59 messages back, far outside the 32 the grain holds: the edit reads it from the log.
        await page.Locator(".turn:has([data-testid=message][data-sequence='3']) [data-testid=edit]").ClickAsync();
        await page.FillAsync("[data-testid=edit-text]", "Question number 3, asked better");
        await page.ClickAsync("[data-testid=edit-save]");
        await page.WaitForSequenceAsync(64);

        (await page.MessagesAsync()).ShouldBe(
            ["1 Old question", "2 Echo: Old question", "63 Question number 3, asked better", "64 Echo: Question number 3, asked better"],
            "the new path: the messages before the edited one, then the new version and its reply");
        (await page.InnerTextAsync("[data-testid=version-label]")).ShouldBe("2/2");
        fixture.App.Model.Requests.Last(r => r.LastUserText == "Question number 3, asked better").Messages
            .ShouldNotContain(m => m.Text.Contains("of the archive", StringComparison.Ordinal), "the model sees only the current path");

        await page.ClickAsync("[data-testid=version-previous]");
        await page.WaitForSequenceAsync(62);
        var back = await page.MessagesAsync();
        back[^1].ShouldBe("62 Answer number 62 of the archive", "version 1's path, from its newest message");
        back.ShouldNotContain(m => m.Contains("asked better", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reader_scrolled_up_is_not_moved_by_new_messages_and_jump_to_latest_counts_them_and_goes_there()
    {
        var (page, conversation) = await fixture.OpenArchiveAsync("Tide tables", 60);
        (await page.Locator(ArchiveSteps.JumpToLatest).CountAsync()).ShouldBe(0, "at the newest message there is nothing to jump to");
        await page.ScrollToTopAsync();
        await page.Locator("[data-testid=history-start]").WaitForAsync();
        var (reading, top) = await page.ScrollToTopAsync();
        await page.Locator(ArchiveSteps.JumpToLatest).WaitForAsync();

        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(new Uri(fixture.BaseUrl, $"/c/{conversation:N}").ToString());
        await BrowserAppFixture.WaitUntilInteractiveAsync(other);
        await other.SendAsync("Arrived while you were reading");
        await other.WaitForSequenceAsync(64);

        await page.Locator($"{ArchiveSteps.JumpToLatest}[data-new='2']").WaitForAsync();
        (await page.InnerTextAsync(ArchiveSteps.JumpToLatest)).ShouldContain("2 new");
        (await page.FirstShownAsync()).ShouldBe(reading);
        (await page.TopOfAsync(reading)).ShouldBe(top, 1.0, "the new message and its reply arrived below without moving the reader");
        (await page.InViewAsync(64)).ShouldBeFalse();
        await BrowserAppFixture.ScreenshotAsync(page, "archive-jump-to-latest");

        await page.ClickAsync(ArchiveSteps.JumpToLatest);
        await page.WaitForFunctionAsync(
            "() => { const r = document.querySelector(`[data-testid=message][data-sequence='64']`)?.getBoundingClientRect(); return !!r && r.top < window.innerHeight && r.bottom > 0; }");
        await page.Locator(ArchiveSteps.JumpToLatest).WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    [Fact]
    public async Task The_chat_menu_downloads_the_chat_as_markdown_and_as_json()
    {
        const string Text = "Export this **chat**, please";
        var page = await fixture.SignedInPageAsync();
        await page.SendAsync(Text);
        await page.WaitForSequenceAsync(2);

        await page.ClickAsync("[data-testid=export-menu] summary");
        var markdown = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-markdown]"));
        var json = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-json]"));

        markdown.SuggestedFilename.ShouldEndWith(".md");
        var saved = await File.ReadAllTextAsync((await markdown.PathAsync())!, TestContext.Current.CancellationToken);
        saved.ShouldContain(Text);
        saved.ShouldContain("Echo: " + Text);
        json.SuggestedFilename.ShouldEndWith(".json");
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync((await json.PathAsync())!, TestContext.Current.CancellationToken));
        var messages = document.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => $"{m.GetProperty("sequence").GetInt64()} {m.GetProperty("role").GetString()} {m.GetProperty("status").GetString()}: {m.GetProperty("text").GetString()}")
            .ToList();
        messages.ShouldBe([$"1 user complete: {Text}", $"2 assistant complete: Echo: {Text}"]);
    }
}
