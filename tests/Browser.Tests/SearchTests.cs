using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>Searching all of a user's chats from one box (Ctrl+K), walking the hits with the arrows, and opening one.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SearchTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => fixture.ResetModelAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Ctrl_K_searches_all_chats_the_arrows_walk_the_hits_and_enter_opens_the_old_message_highlighted()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var (page, conversation) = await fixture.OpenArchiveAsync("Harbour notes", 120, new Dictionary<long, string>
        {
            [7] = $"The {marker} lighthouse was painted <b>red</b> & white in spring.",
            [101] = $"Another word about {marker} near the end.",
        });

        await page.WaitForFunctionAsync("() => document.documentElement.dataset.searchShortcut === 'ready'");
        await page.Keyboard.PressAsync("Control+k");
        (await page.EvaluateAsync<string>("() => document.activeElement?.id")).ShouldBe("search-input");
        await page.Keyboard.TypeAsync(marker);
        var hits = page.Locator("[data-testid=search-hit]");
        await page.Locator("[data-testid=search-status] >> text=2 messages found").WaitForAsync();
        (await hits.CountAsync()).ShouldBe(2, "the old message and the one among the newest");
        (await hits.Locator("[data-testid=search-hit-title]").AllInnerTextsAsync()).ShouldAllBe(t => t == "Harbour notes");
        (await hits.Locator("mark").AllInnerTextsAsync()).ShouldAllBe(t => t == marker);
        var old = hits.Locator("xpath=self::*[@data-sequence='7']");
        (await old.Locator("[data-testid=search-hit-snippet]").InnerTextAsync()).ShouldContain("red & white", Case.Sensitive, "shown as text");
        (await old.Locator("b").CountAsync()).ShouldBe(0, "the message's tags are never markup of the page (the headline drops them)");
        (await hits.First.GetAttributeAsync("aria-selected")).ShouldBe("true");
        var input = page.Locator("[data-testid=search-input]");
        (await input.GetAttributeAsync("aria-activedescendant")).ShouldBe("search-hit-0");
        await BrowserAppFixture.ScreenshotAsync(page, "search-results");

        var index = (await hits.EvaluateAllAsync<string[]>("hs => hs.map(h => h.dataset.sequence)")).ToList().IndexOf("7");
        await page.Keyboard.PressAsync("ArrowDown");
        await WaitForActiveAsync(page, "search-hit-1");
        await page.Keyboard.PressAsync("ArrowUp");
        await WaitForActiveAsync(page, "search-hit-0");
        for (var i = 0; i < index; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForAddressAsync(HitAddress());
        new Uri(page.Url).AbsolutePath.ShouldBe($"/c/{conversation:N}");
        var highlighted = page.Locator("[data-highlighted=true] [data-testid=message][data-sequence='7']");
        await highlighted.WaitForAsync();
        await page.WaitForFunctionAsync(
            "() => { const r = document.querySelector(`[data-testid=message][data-sequence='7']`).getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }");
        (await page.Locator("[data-highlighted=true]").CountAsync()).ShouldBe(1);
        await BrowserAppFixture.ScreenshotAsync(page, "search-hit-highlighted");

        await page.ClickAsync(ArchiveSteps.JumpToLatest);
        await page.WaitForFunctionAsync(
            "() => { const r = document.querySelector(`[data-testid=message][data-sequence='122']`)?.getBoundingClientRect(); return !!r && r.top < window.innerHeight && r.bottom > 0; }");
    }

    [Theory]
    [InlineData("\"&|!", "The search holds no words, only punctuation.")]
    [InlineData("a very long query ", "A search can be at most 200 characters long")]
    [InlineData("nothing-here-zzqqyy", "Nothing in your chats matches")]
    public async Task A_search_the_backend_refuses_or_finds_nothing_for_is_answered_in_words(string query, string answer)
    {
        var page = await fixture.SignedInPageAsync();
        var text = query.EndsWith(' ') ? string.Concat(Enumerable.Repeat(query, 600)) : query;

        await page.FillAsync("[data-testid=search-input]", text);

        await page.Locator($"[data-testid=search-status] >> text={answer}").WaitForAsync();
        (await page.Locator("[data-testid=search-hit]").CountAsync()).ShouldBe(0);
    }

    // The arrows are handled on the server: the attribute changes one round trip after the key.
    private static Task<IJSHandle> WaitForActiveAsync(IPage page, string option) =>
        page.WaitForFunctionAsync(
            "o => document.getElementById('search-input').getAttribute('aria-activedescendant') === o"
            + " && document.getElementById(o).getAttribute('aria-selected') === 'true'",
            option);

    [GeneratedRegex(@"/c/[0-9a-f-]{32,36}\?m=7$")]
    private static partial Regex HitAddress();
}
