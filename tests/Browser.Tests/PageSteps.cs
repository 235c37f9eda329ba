using Microsoft.Playwright;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>What a person does on the chat page, in the page's own terms.</summary>
internal static partial class PageSteps
{
    public const string Input = "[data-testid=message-input]";
    public const string Replies = "[data-testid=message][data-role=assistant]";

    /// <summary>
    /// Waits until the page's address matches. Not WaitForURLAsync: under load its check-then-subscribe can miss
    /// a navigation that lands in between (microsoft/playwright-dotnet#3364); the assertion asks until it matches.
    /// </summary>
    public static Task WaitForAddressAsync(this IPage page, System.Text.RegularExpressions.Regex address, float timeout = 30_000) =>
        Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = timeout });

    /// <summary>Waits until the page is at a chat (/c/ and a conversation id), as after signing in.</summary>
    public static Task WaitForChatAddressAsync(this IPage page) => page.WaitForAddressAsync(ChatAddress());

    /// <summary>The conversation a page at a chat's address (<c>/c/{id}</c>) shows.</summary>
    public static Guid ConversationIdOf(this IPage page) => Guid.Parse(new Uri(page.Url).Segments[^1]);

    /// <summary>Signs in on the app's front page with <paramref name="email"/> and waits for an interactive chat.</summary>
    public static async Task SignInAsync(this IPage page, Uri app, string email)
    {
        await page.GotoAsync(app.ToString());
        await page.FillAsync("#email", email);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForChatAddressAsync();
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
    }

    public static async Task SendAsync(this IPage page, string text)
    {
        await page.FillAsync(Input, text);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator($"[data-testid=message][data-role=user] >> text={text}").First.WaitForAsync();
    }

    /// <summary>
    /// Opens a chat from the sidebar and waits until it is shown and its box accepts input: the address
    /// changes at the click, the conversation a moment later.
    /// </summary>
    public static async Task OpenChatAsync(this IPage page, string title)
    {
        await page.ClickAsync($"[data-testid=conversation-link] >> text={title}");
        await page.WaitForShownChatAsync(title);
    }

    /// <summary>Waits until the page shows the chat titled <paramref name="title"/>, loaded and ready for input.</summary>
    public static Task WaitForShownChatAsync(this IPage page, string title) =>
        page.WaitForFunctionAsync(
            "t => document.querySelector('[data-testid=chat-title]')?.innerText.trim() === t" +
            " && document.querySelector('[aria-current=page]')?.innerText.trim() === t" +
            " && !document.querySelector('[data-testid=message-input]').disabled",
            title,
            new() { Timeout = 15_000 });

    public static Task WaitForSequenceAsync(this IPage page, int sequence) =>
        page.Locator($"[data-testid=message][data-sequence='{sequence}']").WaitForAsync(new() { Timeout = 30_000 });

    /// <summary>Waits until the reply being streamed contains <paramref name="text"/>.</summary>
    public static Task WaitForPartialReplyAsync(this IPage page, string text) =>
        page.WaitForFunctionAsync(
            "t => (document.querySelector('[data-testid=reply-in-progress]')?.innerText ?? '').includes(t)",
            text,
            new() { Timeout = 30_000 });

    public static Task<string[]> SidebarTitlesAsync(this IPage page) =>
        page.Locator("[data-testid=conversation-link]").AllInnerTextsAsync().ContinueWith(t => t.Result.Select(s => s.Trim()).ToArray());

    /// <summary>Waits until the sidebar lists exactly these titles, in this order; says what it showed instead if not.</summary>
    public static async Task WaitForSidebarAsync(this IPage page, params string[] titles)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "ts => JSON.stringify([...document.querySelectorAll('[data-testid=conversation-link]')].map(a => a.innerText.trim())) === JSON.stringify(ts)",
                titles,
                new() { Timeout = 15_000 });
        }
        catch (TimeoutException exception)
        {
            var sidebar = await page.SidebarTitlesAsync();
            var rest = await page.EvaluateAsync<string>(
                "() => JSON.stringify({ header: document.querySelector('h1')?.innerText, errors: [...document.querySelectorAll('[role=alert]')].filter(e => e.checkVisibility()).map(e => e.innerText), "
                + "renaming: document.querySelector('[data-testid=rename-input]')?.value ?? null })");
            throw new TimeoutException(
                $"The sidebar did not list {string.Join(", ", titles)} within 15 s; it listed [{string.Join(", ", sidebar)}], and the page showed {rest}", exception);
        }
    }

    public static Task<string[]> MessagesAsync(this IPage page) =>
        page.Locator("[data-testid=message]").EvaluateAllAsync<string[]>("ms => ms.map(m => m.dataset.sequence + ' ' + m.innerText.trim())");

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>; fails after 40 presses.</summary>
    public static async Task TabToAsync(this IPage page, string selector)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        throw new InvalidOperationException($"40 presses of Tab never reached {selector}.");
    }

    [System.Text.RegularExpressions.GeneratedRegex("/c/[0-9a-f]{32}$")]
    private static partial System.Text.RegularExpressions.Regex ChatAddress();
}
