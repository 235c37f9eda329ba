namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// Keeping the page's subscriptions (its <see cref="ChatFeed"/>) open: whatever loses them (a start that found no
/// silo, a reconnect, a reload that failed, a reply gone quiet) asks <see cref="OpenLoop"/> to open them again.
/// </summary>
public sealed partial class Chat
{
    private const string Reconnecting = "The chat service is unreachable. Reconnecting…";
    private IDisposable? _reconnected;
    private string? _problem;
    private OpenLoop? _openLoop;

    private OpenLoop Opens => _openLoop ??= new OpenLoop(Time);

    private async Task<bool> TryOpenRequestedAsync()
    {
        try
        {
            return await Opens.ExclusiveAsync(OpenIfConnectedAsync, _disposed.Token);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<bool> OpenIfConnectedAsync() => Chats.IsConnected && await OpenRequestedAsync();

    // A reply quiet for too long may be written to a stream that dropped this page, and what dropped one
    // subscription (a silo that could not reach the client) may have dropped the list's too: follow both again.
    // Not awaited, so that the clock goes on while the cluster is away.
    private Task LookForStalledReplyAsync()
    {
        if (_feed.FollowsConversation && _view.ConversationId is { } open && _replyWatch.IsStalled(_view.IsReplying, Time.GetUtcNow()))
        {
            Chats.ReportStalledReply(open, ReplyQuietLimit);
            _ = OnCircuitAsync(() => LoseStreamsAsync(_feed.EndSubscriptionsAsync));
        }

        return Task.CompletedTask;
    }

    // After a reconnect the old subscriptions and the events published meanwhile are gone.
    private Task ReopenAfterReconnectAsync() => LoseStreamsAsync(_feed.EndSubscriptionsAsync);

    private async Task LoseStreamsAsync(Func<Task> end)
    {
        await Opens.ExclusiveAsync(async () =>
        {
            await end();
            return true;
        }, _disposed.Token);
        await KeepOpenAsync();
    }

    private Task KeepOpenAsync() => Opens.KeepOpenAsync(
        OpenIfConnectedAsync,
        opened =>
        {
            _problem = opened ? null : Reconnecting;
            StateHasChanged();
        },
        _disposed.Token);

    /// <summary>Runs work that starts outside the page (a stream event, a reconnect) on its dispatcher, then renders.</summary>
    private async Task OnCircuitAsync(Func<Task> work)
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await InvokeAsync(async () =>
            {
                try
                {
                    await work();
                }
                finally
                {
                    _now = Time.GetUtcNow();
                    StateHasChanged();
                }
            });
        }
        catch (Exception) when (_disposed.IsCancellationRequested)
        {
            // The page is gone; nobody is left to tell.
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }
}
