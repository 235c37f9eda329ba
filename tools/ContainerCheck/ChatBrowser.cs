using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ChatbotOrleans.ContainerCheck;

/// <summary>Chromium on the app, with the steps a person takes on the chat page.</summary>
internal sealed partial class ChatBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private ChatBrowser(IPlaywright playwright, IBrowser browser, Uri baseUrl, Mailbox mailbox)
    {
        _playwright = playwright;
        Browser = browser;
        BaseUrl = baseUrl;
        Mailbox = mailbox;
    }

    public IBrowser Browser { get; }

    public Uri BaseUrl { get; }

    public Mailbox Mailbox { get; }

    public static async Task<ChatBrowser> StartAsync(Uri baseUrl, Mailbox mailbox)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new ChatBrowser(playwright, browser, baseUrl, mailbox);
    }

    /// <summary>A new browser context signed in as <paramref name="email"/>, on an interactive chat page.</summary>
    public async Task<IPage> SignInAsync(string email)
    {
        var page = await (await Browser.NewContextAsync()).NewPageAsync();
        try
        {
            await page.GotoAsync(BaseUrl.ToString());
            await page.FillAsync("#email", email);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(ChatUrl(), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
            await WaitUntilInteractiveAsync(page, TimeSpan.FromSeconds(60));
            return page;
        }
        catch (TimeoutException exception)
        {
            var shown = await page.InnerTextAsync("body").ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(unreadable)", TaskScheduler.Default);
            throw new TimeoutException($"Signing in as {email} did not reach an interactive chat page; the browser is at {page.Url} showing:\n{shown}", exception);
        }
    }

    /// <summary>Blazor drops input before the circuit connects; the page enables its box only then.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page, TimeSpan timeout) =>
        page.WaitForFunctionAsync(
            "() => { const i = document.querySelector('[data-testid=message-input]'); return i && !i.disabled; }",
            null,
            new() { Timeout = (float)timeout.TotalMilliseconds });

    /// <summary>The messages shown, in order, as (role, text).</summary>
    public static async Task<IReadOnlyList<(string Role, string Text)>> MessagesAsync(IPage page)
    {
        var items = await page.Locator("[data-testid=message]").EvaluateAllAsync<string[][]>(
            "ms => ms.map(m => [m.dataset.role ?? '', m.innerText.trim()])");
        return items.Select(i => (i[0], i[1])).ToList();
    }

    public static async Task TypeAndSendAsync(IPage page, string text)
    {
        await page.FillAsync("[data-testid=message-input]", text, new() { Timeout = 10_000 });
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>True when <paramref name="text"/> is shown as a user message followed by one finished reply.</summary>
    public static bool IsAnswered(IReadOnlyList<(string Role, string Text)> messages, string text)
    {
        var index = messages.ToList().FindIndex(m => m.Role == "user" && m.Text.Contains(text, StringComparison.Ordinal));
        return index >= 0 && index + 1 < messages.Count && messages[index + 1].Role == "assistant";
    }

    [GeneratedRegex("/c/[0-9a-f]{32}$")]
    public static partial Regex ChatUrl();

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        Mailbox.Dispose();
    }
}
