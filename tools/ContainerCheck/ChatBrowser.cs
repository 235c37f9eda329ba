using ChatbotOrleans.ChatPages;
using Microsoft.Playwright;

namespace ChatbotOrleans.ContainerCheck;

/// <summary>Chromium on the app, with the steps a person takes on the chat page.</summary>
internal sealed class ChatBrowser : IAsyncDisposable
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
        var browser = await HeadlessChromium.LaunchAsync(playwright);
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
            await page.WaitForURLAsync(ChatPage.ChatUrl(), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
            await ChatPage.WaitUntilInteractiveAsync(page, TimeSpan.FromSeconds(60));
            return page;
        }
        catch (TimeoutException exception)
        {
            var shown = await page.InnerTextAsync("body").ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(unreadable)", TaskScheduler.Default);
            throw new TimeoutException($"Signing in as {email} did not reach an interactive chat page; the browser is at {page.Url} showing:\n{shown}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        Mailbox.Dispose();
    }
}
