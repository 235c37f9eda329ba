using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class UsageDisplayTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    private IPage? _page;

    public ValueTask InitializeAsync() => fixture.ResetModelAsync();

    public async ValueTask DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_reply_shows_its_tokens_on_hover_and_the_sidebar_the_chat_s_and_the_day_s()
    {
        fixture.App.Model.UsageFor = request => request.LastUserText == "what does this cost?" ? (Prompt: 1_200, Completion: 34) : null;
        var page = _page = await fixture.SignedInPageAsync();

        await page.FillAsync("[data-testid=message-input]", "what does this cost?");
        await page.Keyboard.PressAsync("Enter");
        var usage = page.Locator(".turn:has([data-testid=message][data-role=assistant]) [data-testid=usage]");
        await usage.WaitForAsync();
        await page.Locator("[data-testid=chat-usage]", new() { HasText = "1,234" }).WaitForAsync();
        await Assertions.Expect(usage).ToHaveCSSAsync("opacity", "0");
        await page.Locator("[data-testid=message][data-role=assistant]").HoverAsync();
        await Assertions.Expect(usage).ToHaveCSSAsync("opacity", "1");

        (await usage.InnerTextAsync()).ShouldBe("1,234 tokens");
        (await usage.GetAttributeAsync("title")).ShouldBe("1,234 tokens: 1,200 in, 34 out");
        (await page.Locator("[data-testid=chat-usage]").InnerTextAsync()).ShouldBe("This chat: 1,234 tokens");
        (await page.Locator("[data-testid=day-usage]").InnerTextAsync()).ShouldBe("Today: 1,234 of 200,000 tokens, renewed at 00:00 UTC");
        await BrowserAppFixture.ScreenshotAsync(page, "chat-usage");
    }
}
