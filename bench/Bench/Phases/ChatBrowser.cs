using ChatbotOrleans.ChatPages;
using Microsoft.Playwright;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>The steps the sections that measure chat pages share, in the browser <see cref="HeadlessChromium"/> starts.</summary>
public static class ChatBrowser
{
    /// <summary>Signs a new user in on a new page of <paramref name="browser"/> and waits until their chat page is interactive.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext browser, Uri url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url.ToString());
        await page.FillAsync("#email", $"page-{Guid.NewGuid():N}@example.com");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(ChatPage.ChatUrl(), new() { WaitUntil = WaitUntilState.Commit });
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>Waits until the chat page's circuit is connected (its input enabled).</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) => ChatPage.WaitUntilInteractiveAsync(page, TimeSpan.FromSeconds(30));
}
