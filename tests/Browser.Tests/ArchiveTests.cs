using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>A chat as an archive: scrolled back to its first message.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ArchiveTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    private const string Jump = "[data-testid=jump-to-latest]";

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
        pages.ShouldBe(["41-90", "1-40"], "pages of 50, keyset by sequence, to the first message");
        (await page.Locator("[data-testid=message]").CountAsync()).ShouldBe(122);
        (await page.TextContentAsync("[data-testid=history-announcer]"))!.Trim().ShouldBe("Loaded 40 older messages.");
        await page.WaitForFunctionAsync("() => window.scrollY === 0 || document.querySelector('[data-testid=message]').getBoundingClientRect().top >= 0");
        await BrowserAppFixture.ScreenshotAsync(page, "archive-scrolled-back");
    }

    [Fact]
    public async Task A_reader_scrolled_up_is_not_moved_by_new_messages_and_jump_to_latest_counts_them_and_goes_there()
    {
        var (page, conversation) = await fixture.OpenArchiveAsync("Tide tables", 60);
        (await page.Locator(Jump).CountAsync()).ShouldBe(0, "at the newest message there is nothing to jump to");
        await page.ScrollToTopAsync();
        await page.Locator("[data-testid=history-start]").WaitForAsync();
        var (reading, top) = await page.ScrollToTopAsync();
        await page.Locator(Jump).WaitForAsync();

        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(new Uri(fixture.BaseUrl, $"/c/{conversation:N}").ToString());
        await BrowserAppFixture.WaitUntilInteractiveAsync(other);
        await other.SendAsync("Arrived while you were reading");
        await other.WaitForSequenceAsync(64);

        await page.Locator($"{Jump}[data-new='2']").WaitForAsync();
        (await page.InnerTextAsync(Jump)).ShouldContain("2 new");
        (await page.FirstShownAsync()).ShouldBe(reading);
        (await page.TopOfAsync(reading)).ShouldBe(top, 1.0, "the new message and its reply arrived below without moving the reader");
        (await page.InViewAsync(64)).ShouldBeFalse();
        await BrowserAppFixture.ScreenshotAsync(page, "archive-jump-to-latest");

        await page.ClickAsync(Jump);
        await page.WaitForFunctionAsync(
            "() => { const r = document.querySelector(`[data-testid=message][data-sequence='64']`)?.getBoundingClientRect(); return !!r && r.top < window.innerHeight && r.bottom > 0; }");
        await page.Locator(Jump).WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
