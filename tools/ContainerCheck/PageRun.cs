using ChatbotOrleans.ChatPages;
using Microsoft.Playwright;

namespace ChatbotOrleans.ContainerCheck;

/// <summary>
/// One signed-in page that keeps chatting: sends a numbered message, waits for its reply, and never reloads
/// itself; when its circuit dies, the page reconnects (or reloads) on its own and the run goes on from what
/// the page then shows, sending a message again only when the page does not show it.
/// </summary>
internal sealed class PageRun(ChatBrowser browser, IPage page, string email, string name)
{
    // Below the app's 20 messages per minute per user; a new chat before the page's window of 32 fills.
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(3);
    private const int MessagesPerChat = 12;
    private static readonly TimeSpan ReconnectTimeout = TimeSpan.FromSeconds(120);

    private readonly Dictionary<string, List<string>> _sent = [];
    private readonly Queue<string> _console = new();
    private int _navigations;

    public string Email => email;

    public int Resent { get; private set; }

    public int Reloads => _navigations;

    public string? Failure { get; private set; }

    public int Sent => _sent.Values.Sum(t => t.Count);

    public static async Task<PageRun> StartAsync(ChatBrowser browser, string name)
    {
        var email = $"load-{name}-{Guid.NewGuid():N}@example.com";
        var page = await browser.SignInAsync(email);
        var run = new PageRun(browser, page, email, name);
        page.Console += (_, message) =>
        {
            lock (run._console)
            {
                run._console.Enqueue($"{DateTime.UtcNow:HH:mm:ss} {message.Type}: {message.Text}");
                if (run._console.Count > 15)
                {
                    run._console.Dequeue();
                }
            }
        };
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                Interlocked.Increment(ref run._navigations);
            }
        };
        return run;
    }

    public async Task ChatUntilAsync(string stopFile)
    {
        try
        {
            for (var i = 1; !File.Exists(stopFile); i++)
            {
                var chat = new Uri(page.Url).AbsolutePath;
                if (_sent.TryGetValue(chat, out var texts) && texts.Count >= MessagesPerChat)
                {
                    chat = await NewChatAsync(chat);
                }

                var text = $"{name} message {i} {Guid.NewGuid():N}";
                await SendAsync(text);
                _sent.TryAdd(chat, []);
                _sent[chat].Add(text);
                await Task.Delay(Pause);
            }
        }
        catch (Exception exception) when (exception is TimeoutException or PlaywrightException)
        {
            // This page's run ends here; the others go on, and every page's messages are still counted.
            Failure = $"{name}: {exception.GetType().Name}: {exception.Message}\n{await DescribeAsync()}";
        }
    }

    // What a page stuck offline shows, so a failed run says why without a rerun.
    private async Task<string> DescribeAsync()
    {
        string shown;
        try
        {
            shown = await page.EvaluateAsync<string>(
                "() => `banner: '${document.getElementById('components-reconnect-modal')?.className ?? 'none'}'; page: ${document.body.innerText.slice(0, 400)}`");
        }
        catch (PlaywrightException exception)
        {
            shown = $"(unreadable: {exception.Message})";
        }

        lock (_console)
        {
            return $"  at {page.Url}; {shown.ReplaceLineEndings(" | ")}\n  console:\n    {string.Join("\n    ", _console)}";
        }
    }

    /// <summary>Reloads each chat the page used and counts what it shows against what was sent.</summary>
    public async Task<ChatCount> CountAsync()
    {
        var count = new ChatCount();
        foreach (var (chat, texts) in _sent)
        {
            await page.GotoAsync(new Uri(browser.BaseUrl, chat).ToString());
            await ChatPage.WaitUntilInteractiveAsync(page, ReconnectTimeout);
            var shown = await ChatPage.MessagesAsync(page);
            count.Add(ChatCount.Of(texts, shown));
        }

        return count;
    }

    private async Task SendAsync(string text) => Resent += await ChatPage.SendUntilAnsweredAsync(page, text, ReconnectTimeout);

    private async Task<string> NewChatAsync(string current)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await ChatPage.WaitUntilInteractiveAsync(page, ReconnectTimeout);
            await ChatPage.TryAsync(() => page.ClickAsync("[data-testid=new-chat]", new() { Timeout = 10_000 }));

            // Playwright fails a navigation wait on any failed navigation, such as a reload while the frontend
            // restarts, not only on its timeout: either way the next attempt looks at the page again.
            string? opened = null;
            await ChatPage.TryAsync(async () =>
            {
                await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != current && ChatPage.ChatUrl().IsMatch(url), new() { Timeout = 20_000 });
                await ChatPage.WaitUntilInteractiveAsync(page, ReconnectTimeout);
                opened = new Uri(page.Url).AbsolutePath;
            });
            if (opened is not null)
            {
                return opened;
            }
        }

        throw new TimeoutException("a new chat did not open after 10 attempts");
    }
}
