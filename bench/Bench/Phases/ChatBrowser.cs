using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>Debian's Chromium driven by Playwright, and the steps the sections that measure chat pages share.</summary>
public static partial class ChatBrowser
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
        await page.WaitForURLAsync(ChatUrl(), new() { WaitUntil = WaitUntilState.Commit });
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>Waits until the chat page's circuit is connected (its input enabled).</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=message-input]'); return i && !i.disabled; }");

    /// <summary>The messages shown, in order, as (role, text).</summary>
    public static async Task<IReadOnlyList<(string Role, string Text)>> MessagesAsync(IPage page)
    {
        var items = await page.Locator("[data-testid=message]").EvaluateAllAsync<string[][]>(
            "ms => ms.map(m => [m.dataset.role ?? '', m.innerText.trim()])");
        return [.. items.Select(i => (i[0], i[1]))];
    }

    public static async Task TypeAndSendAsync(IPage page, string text)
    {
        await page.FillAsync("[data-testid=message-input]", text, new() { Timeout = 10_000 });
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>True when <paramref name="text"/> is shown as a user message followed by a reply.</summary>
    public static bool IsAnswered(IReadOnlyList<(string Role, string Text)> messages, string text)
    {
        var index = messages.ToList().FindIndex(m => m.Role == "user" && m.Text.Contains(text, StringComparison.Ordinal));
        return index >= 0 && index + 1 < messages.Count && messages[index + 1].Role == "assistant";
    }

    [GeneratedRegex("/c/[0-9a-f]{32}$")]
    private static partial Regex ChatUrl();
}
