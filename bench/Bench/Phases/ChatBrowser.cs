using ChatbotOrleans.ChatPages;
using Microsoft.Playwright;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>Debian's Chromium driven by Playwright, and the steps the sections that measure chat pages share.</summary>
public static class ChatBrowser
{
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium was not found at {chromium}; install it (apt-get install -y chromium) or set CHROMIUM_PATH.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

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
