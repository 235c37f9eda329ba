using Microsoft.Playwright;

namespace ChatbotOrleans.Browser.Tests.Faults;

/// <summary>Reads and drives the chat page the way the fault tests need it.</summary>
internal static class ChatPageProbe
{
    private const string Input = "[data-testid=message-input]";
    private const string Typing = "[data-testid=reply-in-progress], [data-testid=reply-pending]";

    /// <summary>The messages shown, oldest first, as "sequence role text".</summary>
    public static Task<string[]> ShownAsync(IPage page) =>
        page.Locator("[data-testid=message]").EvaluateAllAsync<string[]>(
            "ms => ms.map(m => m.dataset.sequence + ' ' + m.dataset.role + (m.classList.contains('failed') ? ' failed' : '') + ' ' + (m.querySelector('.text')?.innerText ?? '').trim())");

    /// <summary>Types and sends a message, and waits until the composer has taken it (cleared) or shows an error.</summary>
    public static async Task SendAsync(IPage page, string text, float timeoutMs = 15_000)
    {
        await page.FillAsync(Input, text);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync(
            "() => { const i = document.querySelector('[data-testid=message-input]'); return (i.value === '' && !i.disabled) || document.querySelector('[data-testid=send-error]'); }",
            null,
            new() { Timeout = timeoutMs });
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> messages are shown and no typing indicator is:
    /// a reply that never ends fails here.
    /// </summary>
    public static Task WaitForSettledAsync(IPage page, int count, float timeoutMs = 20_000) =>
        page.WaitForFunctionAsync(
            "([n, typing]) => document.querySelectorAll('[data-testid=message]').length >= n && !document.querySelector(typing)",
            new object[] { count, Typing },
            new() { Timeout = timeoutMs });

    /// <summary>Reloads the page and returns what it shows once interactive and settled at <paramref name="count"/> messages: what was stored.</summary>
    public static async Task<string[]> ShownAfterReloadAsync(IPage page, int count)
    {
        await page.ReloadAsync();
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
        await WaitForSettledAsync(page, count);
        return await ShownAsync(page);
    }

    public static Task<bool> TypingShownAsync(IPage page) => page.Locator(Typing).IsVisibleAsync();

    /// <summary>"sent n, shown m, duplicated d: [...]" for assertion messages; failed replies are not counted as duplicates.</summary>
    public static string Counts(int sent, IReadOnlyCollection<string> shown)
    {
        var durable = shown.Select(s => s[(s.IndexOf(' ', StringComparison.Ordinal) + 1)..]).Where(s => !s.StartsWith("assistant failed", StringComparison.Ordinal)).ToList();
        return $"sent {sent}, shown {shown.Count}, duplicated {durable.Count - durable.Distinct().Count()}: [{string.Join(" | ", shown)}]";
    }

    /// <summary>
    /// Sends the composer's text, pressing Send again (same message id) while the page says it failed, as a
    /// user would; returns how many presses it took.
    /// </summary>
    public static async Task<int> SendUntilStoredAsync(FaultAppFixture fixture, IPage page, string text, int expectedMessages)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var attempt = 1; ; attempt++)
        {
            if (attempt == 1)
            {
                await SendAsync(page, text);
            }
            else
            {
                await page.ClickAsync("[data-testid=send]");
                await page.WaitForFunctionAsync(
                    "() => { const i = document.querySelector('[data-testid=message-input]'); return !i.disabled; }");
            }

            if (await page.Locator("[data-testid=send-error]").CountAsync() == 0)
            {
                // Up to one sweep period (2 s) passes before a reply left unstored is written again.
                await WaitForSettledAsync(page, expectedMessages, 30_000);
                return attempt;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"The send still failed after {attempt} tries: {await page.Locator("[data-testid=send-error]").InnerTextAsync()}\n{fixture.RecentOutput()}");
            }

            await Task.Delay(500);
        }
    }
}
