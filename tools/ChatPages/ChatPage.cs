using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ChatbotOrleans.ChatPages;

/// <summary>
/// Steps on a signed-in chat page, as a reader would take them, for the runs that watch pages through faults: the
/// bench's two frontends and the Swarm load check. The page may reload or reconnect by itself at any moment.
/// </summary>
public static partial class ChatPage
{
    private const string Input = "[data-testid=message-input]";

    // The reconnect banner while Blazor has no circuit: the page keeps its old, enabled box, which takes no input.
    private const string CutOff = "#components-reconnect-modal:is(.components-reconnect-show, .components-reconnect-retrying, .components-reconnect-failed, .components-reconnect-rejected)";

    /// <summary>
    /// Blazor drops input before the circuit connects; the page enables its box only then, and a page that lost its
    /// circuit shows the reconnect banner over a box that still looks enabled.
    /// </summary>
    public static Task WaitUntilInteractiveAsync(IPage page, TimeSpan timeout) =>
        page.WaitForFunctionAsync(
            $"() => {{ const i = document.querySelector('{Input}'); return i && !i.disabled && !document.querySelector('{CutOff}'); }}",
            null,
            new() { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 100 });

    /// <summary>The messages shown, in order, as (role, text).</summary>
    public static async Task<IReadOnlyList<(string Role, string Text)>> MessagesAsync(IPage page)
    {
        var items = await page.Locator("[data-testid=message]").EvaluateAllAsync<string[][]>(
            "ms => ms.map(m => [m.dataset.role ?? '', m.innerText.trim()])");
        return [.. items.Select(i => (i[0], i[1]))];
    }

    public static async Task TypeAndSendAsync(IPage page, string text)
    {
        await page.FillAsync(Input, text, new() { Timeout = 10_000 });
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>True when <paramref name="text"/> is shown as a user message followed by a reply.</summary>
    public static bool IsAnswered(IReadOnlyList<(string Role, string Text)> messages, string text)
    {
        var index = messages.ToList().FindIndex(m => m.Role == "user" && m.Text.Contains(text, StringComparison.Ordinal));
        return index >= 0 && index + 1 < messages.Count && messages[index + 1].Role == "assistant";
    }

    /// <summary>
    /// Sends <paramref name="text"/> and waits for its reply, going on from what the page shows after it reconnected or
    /// reloaded: the message is typed again only when the page does not show it, so a message is never sent twice by
    /// the run itself. Returns how many times it had to be typed again.
    /// </summary>
    public static async Task<int> SendUntilAnsweredAsync(IPage page, string text, TimeSpan reconnectTimeout)
    {
        var resent = 0;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await WaitUntilInteractiveAsync(page, reconnectTimeout).WaitAsync(reconnectTimeout + TimeSpan.FromSeconds(5));
            var shown = await ShownAsync(page);
            if (shown is not null && IsAnswered(shown, text))
            {
                return resent;
            }

            if (shown is not null && !shown.Any(m => m.Role == "user" && m.Text.Contains(text, StringComparison.Ordinal)))
            {
                resent += attempt > 0 ? 1 : 0;
                await TryAsync(() => TypeAndSendAsync(page, text));
            }

            // A page that loses its circuit meanwhile may not have sent it: look again once it is back.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (DateTime.UtcNow < deadline && !await IsCutOffAsync(page))
            {
                shown = await ShownAsync(page);
                if (shown is not null && IsAnswered(shown, text))
                {
                    return resent;
                }

                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"\"{text}\" was not answered after 10 attempts");
    }

    /// <summary>Runs a step that a reload or a lost circuit may cut short; the caller looks at the page again after it.</summary>
    public static async Task TryAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
        {
        }
    }

    [GeneratedRegex("/c/[0-9a-f]{32}$")]
    public static partial Regex ChatUrl();

    private static async Task<bool> IsCutOffAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<bool>($"() => !!document.querySelector('{CutOff}')");
        }
        catch (PlaywrightException)
        {
            return true; // reloading
        }
    }

    // Reading the page while it reloads fails; that is a moment to wait, not an error.
    private static async Task<IReadOnlyList<(string Role, string Text)>?> ShownAsync(IPage page)
    {
        try
        {
            return await MessagesAsync(page);
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }
}
