namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// Keeps a chat page's subscriptions (its <see cref="Feed"/>) open: whatever loses them (a start that found no silo,
/// a reconnect, a reload that failed, a reply gone quiet) asks <see cref="OpenLoop"/> to open them again. Work that
/// starts outside the page (a stream event, a reconnect, the page's clock) runs on the page's dispatcher, then renders it.
/// </summary>
/// <remarks>
/// The page hands over what it opens (<c>open</c>: false when the cluster did not answer) and what only a component
/// can do: <c>invoke</c>, <c>render</c> and <c>fail</c> are its <c>InvokeAsync</c>, <c>StateHasChanged</c> and
/// <c>DispatchExceptionAsync</c>. Not thread-safe: the page calls it from the circuit's dispatcher.
/// </remarks>
internal sealed class FeedKeeper(
    ChatClient chats,
    ConversationView view,
    ReplyWatch replyWatch,
    TimeProvider time,
    Func<Task<bool>> open,
    Func<Func<Task>, Task> invoke,
    Action render,
    Func<Exception, Task> fail) : IAsyncDisposable
{
    private const string Reconnecting = "The chat service is unreachable. Reconnecting…";
    private static readonly TimeSpan ClockTick = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _disposed = new();
    private readonly OpenLoop _opens = new(time);
    private ChatFeed? _feed;
    private IDisposable? _reconnected;

    public ChatFeed Feed => _feed ??= new ChatFeed(chats, view, replyWatch, time, OnCircuitAsync, LoseStreamsAsync, _disposed.Token);

    /// <summary>The page's clock for the times it shows, moved on with each render this keeper causes.</summary>
    public DateTimeOffset Now { get; private set; } = time.GetUtcNow();

    /// <summary>The sentence the page shows while it cannot open what it shows; null once it can.</summary>
    public string? Problem { get; private set; }

    /// <summary>Opens what the page asks for; when the cluster does not answer, says so and keeps trying.</summary>
    public async Task OpenAsync()
    {
        if (!await TryOpenAsync())
        {
            Problem = Reconnecting;
            _ = OnCircuitAsync(KeepOpenAsync);
        }
    }

    /// <summary>Starts the page's one clock, so "2 minutes ago" moves on without a reload, and a stalled reply is looked for.</summary>
    public void StartClock() => _ = TickAsync();

    /// <summary>Runs work that starts outside the page (a stream event, a reconnect) on its dispatcher, then renders.</summary>
    public async Task OnCircuitAsync(Func<Task> work)
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await invoke(async () =>
            {
                try
                {
                    await work();
                }
                finally
                {
                    Now = time.GetUtcNow();
                    render();
                }
            });
        }
        catch (Exception) when (_disposed.IsCancellationRequested)
        {
            // The page is gone; nobody is left to tell.
        }
        catch (Exception exception)
        {
            await fail(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        _reconnected?.Dispose();
        if (_feed is not null)
        {
            await _feed.DisposeAsync();
        }

        _disposed.Dispose();
    }

    private async Task<bool> TryOpenAsync()
    {
        try
        {
            return await _opens.ExclusiveAsync(OpenIfConnectedAsync, _disposed.Token);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<bool> OpenIfConnectedAsync()
    {
        if (!chats.IsConnected)
        {
            return false;
        }

        _reconnected ??= chats.OnReconnected(() => OnCircuitAsync(ReopenAfterReconnectAsync));
        return await open();
    }

    // A reply quiet for too long may be written to a stream that dropped this page, and what dropped one
    // subscription (a silo that could not reach the client) may have dropped the list's too: follow both again.
    // Not awaited, so that the clock goes on while the cluster is away.
    private Task LookForStalledReplyAsync()
    {
        if (Feed.FollowsConversation && view.ConversationId is { } open && replyWatch.IsStalled(view.IsReplying, time.GetUtcNow()))
        {
            chats.ReportStalledReply(open, replyWatch.QuietLimit);
            _ = OnCircuitAsync(() => LoseStreamsAsync(Feed.EndSubscriptionsAsync));
        }

        return Task.CompletedTask;
    }

    // After a reconnect the old subscriptions and the events published meanwhile are gone.
    private Task ReopenAfterReconnectAsync() => LoseStreamsAsync(Feed.EndSubscriptionsAsync);

    private async Task LoseStreamsAsync(Func<Task> end)
    {
        await _opens.ExclusiveAsync(async () =>
        {
            await end();
            return true;
        }, _disposed.Token);
        await KeepOpenAsync();
    }

    private Task KeepOpenAsync() => _opens.KeepOpenAsync(
        OpenIfConnectedAsync,
        opened =>
        {
            Problem = opened ? null : Reconnecting;
            render();
        },
        _disposed.Token);

    private async Task TickAsync()
    {
        var quietLimit = replyWatch.QuietLimit;
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Min(ClockTick.Ticks, quietLimit.Ticks / 2)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(_disposed.Token))
            {
                await OnCircuitAsync(LookForStalledReplyAsync);
            }
        }
        catch (OperationCanceledException)
        {
            // The page is gone.
        }
    }
}
