using ChatbotOrleans.Bench.Phases;
using ChatbotOrleans.ChatPages;
using Microsoft.Playwright;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>
/// One signed-in chat page behind the sticky proxy that sends numbered messages, each a pause after the last one's
/// reply, and never reloads itself: when its frontend goes away, the page reconnects (or reloads) on its own and the
/// run goes on from what it then shows, sending a message again only when the page does not show it
/// (<see cref="ChatPage.SendUntilAnsweredAsync"/>, as the Swarm load check does). It stays in one chat, as many
/// messages as the page's window of recent ones holds, so that every navigation is the page's own.
/// </summary>
public sealed class FrontendPage
{
    // Logs who starts each of the page's navigations (a reload included), with the script's stack.
    private const string NavigationLog =
        "window.navigation?.addEventListener('navigate', e => console.log(`navigate ${e.navigationType} ${e.destination.url} from ${new Error().stack.split('\\n').slice(2).join(' | ')}`));";

    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ReconnectTimeout = TimeSpan.FromSeconds(90);

    // With their replies, as many as the page's window of 32 recent messages shows.
    private const int MessagesPerChat = 15;

    private readonly IPage _page;
    private readonly Uri _proxy;
    private readonly Dictionary<string, List<string>> _sent = [];
    private readonly List<DateTime> _answeredAt = [];
    private readonly List<string> _console = [];
    private int _navigations;

    private FrontendPage(IPage page, Uri proxy, int frontend, string name)
    {
        _page = page;
        _proxy = proxy;
        Frontend = frontend;
        Name = name;
        page.Load += (_, _) =>
        {
            Interlocked.Increment(ref _navigations);
            Note($"load {page.Url}");
        };
        page.Console += (_, message) => Note($"{message.Type}: {message.Text}");

        // A page's own loads and calls, and which frontend answered: what a page stuck after a restart went through.
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType is "document" or "fetch")
            {
                Note($"{response.Status} {response.Request.ResourceType} {response.Url} from {response.Headers.GetValueOrDefault(StickyProxy.FrontendHeader.ToLowerInvariant(), "no frontend")}");
            }
        };
    }

    /// <summary>Where a page that failed leaves its screenshot, its HTML and its console, and the phase the processes' output.</summary>
    public static string DiagnosticsDirectory { get; } = Path.Combine(Path.GetTempPath(), "two-frontends-diag");

    /// <summary>The frontend the proxy kept the page on when it opened.</summary>
    public int Frontend { get; }

    public string Name { get; }

    /// <summary>Full loads of the page after the first, all made by the page itself (this class never navigates while chatting).</summary>
    public int Reloads => _navigations;

    public int Resent { get; private set; }

    public string? Failure { get; private set; }

    public IReadOnlyList<DateTime> AnsweredAt => _answeredAt;

    public static async Task<FrontendPage> OpenAsync(IBrowser browser, Uri proxy, string name)
    {
        var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(NavigationLog);
        var page = await ChatBrowser.SignInAsync(context, proxy);
        var frontend = await FrontendOfAsync(page) ?? throw new InvalidOperationException($"{name}: the proxy named no frontend");
        return new FrontendPage(page, proxy, frontend, name);
    }

    /// <summary>The frontend the proxy sends the page's requests to now (its sticky cookie's), if it answers.</summary>
    public Task<int?> FrontendNowAsync() => FrontendOfAsync(_page);

    public async Task ChatUntilAsync(CancellationToken stop)
    {
        try
        {
            for (var i = 1; i <= MessagesPerChat && !stop.IsCancellationRequested; i++)
            {
                var chat = new Uri(_page.Url).AbsolutePath;
                var text = $"{Name} message {i} {Guid.NewGuid():N}";
                await SendAsync(text);
                _sent.TryAdd(chat, []);
                _sent[chat].Add(text);
                _answeredAt.Add(DateTime.UtcNow);
                await Task.Delay(Pause, CancellationToken.None);
            }
        }
        catch (TimeoutException exception)
        {
            Failure = $"{Name}: {exception.Message}";
            await SaveDiagnosticsAsync();
        }
    }

    /// <summary>Whether the page is interactive (its circuit connected) without anyone loading it for it.</summary>
    public async Task<bool> IsInteractiveAsync()
    {
        try
        {
            await WaitUntilInteractiveAsync();
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>What the page shows of its current chat, as it is, without loading it again.</summary>
    public async Task<ShownCount> CountShownAsync()
    {
        await WaitUntilInteractiveAsync();
        var chat = new Uri(_page.Url).AbsolutePath;
        return ShownCount.Of(_sent.GetValueOrDefault(chat) ?? [], await ChatPage.MessagesAsync(_page));
    }

    /// <summary>Loads each chat the page used again and counts what it shows against what was sent.</summary>
    public async Task<ShownCount> CountReloadedAsync()
    {
        var count = ShownCount.None;
        foreach (var (chat, texts) in _sent)
        {
            await _page.GotoAsync(new Uri(_proxy, chat).ToString());
            await WaitUntilInteractiveAsync();
            count += ShownCount.Of(texts, await ChatPage.MessagesAsync(_page));
        }

        return count;
    }

    private void Note(string line)
    {
        lock (_console)
        {
            _console.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
        }
    }

    private async Task SaveDiagnosticsAsync()
    {
        var directory = Path.Combine(DiagnosticsDirectory, $"{DateTime.UtcNow:HHmmss}-{Name}");
        Directory.CreateDirectory(directory);
        await _page.ScreenshotAsync(new() { Path = Path.Combine(directory, "page.png"), FullPage = true });
        await File.WriteAllTextAsync(Path.Combine(directory, "page.html"), await _page.ContentAsync());
        lock (_console)
        {
            File.WriteAllLines(Path.Combine(directory, "console.txt"), _console);
        }
    }

    private static async Task<int?> FrontendOfAsync(IPage page) =>
        StickyProxy.FrontendOf(await page.EvaluateAsync<string?>(
            $"fetch('/health/live', {{ cache: 'no-store' }}).then(r => r.headers.get('{StickyProxy.FrontendHeader}'))"));

    private async Task SendAsync(string text) => Resent += await ChatPage.SendUntilAnsweredAsync(_page, text, ReconnectTimeout);

    private Task WaitUntilInteractiveAsync() => ChatPage.WaitUntilInteractiveAsync(_page, ReconnectTimeout);
}
