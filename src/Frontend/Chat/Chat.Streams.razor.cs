using ChatbotOrleans.Grains.Abstractions;
using ConversationKey = ChatbotOrleans.Grains.Abstractions.ConversationId;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// The page's subscriptions: the open conversation's stream and the user's list. Whatever loses them (a start
/// that found no silo, a reconnect, a reload that failed) asks <see cref="OpenLoop"/> to open them again.
/// </summary>
public sealed partial class Chat
{
    private const string Reconnecting = "The chat service is unreachable. Reconnecting…";
    private const int MaxConsecutiveReloads = 3;

    private IAsyncDisposable? _subscription;
    private IAsyncDisposable? _listSubscription;
    private IDisposable? _reconnected;
    private long _generation;
    private string? _problem;
    private OpenLoop? _openLoop;

    /// <summary>Shows another conversation: forgets the old one, subscribes, then loads.</summary>
    private async Task<bool> OpenAsync(ConversationKey conversation)
    {
        _view.Reset(conversation);
        return await SubscribeAndLoadAsync(conversation);
    }

    // Subscribes before loading, so no event falls between the snapshot and the stream (the view buffers them).
    private async Task<bool> SubscribeAndLoadAsync(ConversationKey conversation)
    {
        await EndSubscriptionAsync();
        var generation = ++_generation;
        var loadToken = _view.BeginLoad();
        var subscription = await Chats.SubscribeAsync(conversation, e => OnCircuitAsync(() => ApplyAsync(e)), () => OnCircuitAsync(ReloadOrReopenAsync));
        if (subscription.IsUnavailable)
        {
            return false;
        }

        if (generation != _generation || _disposed.IsCancellationRequested)
        {
            await subscription.Value.DisposeAsync();
            return true;
        }

        _subscription = subscription.Value;
        if (await LoadAsync(loadToken, conversation, 0))
        {
            return true;
        }

        await EndSubscriptionAsync(); // so that the next attempt subscribes and loads again
        return false;
    }

    private async Task<bool> FollowConversationsAsync()
    {
        var subscription = await Chats.SubscribeToListAsync(changed => OnCircuitAsync(() => ShowListAsync(changed.ApplyTo(_conversations))), () => OnCircuitAsync(ReadListAgainAsync));
        if (subscription.IsUnavailable)
        {
            return false;
        }

        if (_disposed.IsCancellationRequested)
        {
            await subscription.Value.DisposeAsync();
            return true;
        }

        // Kept only with the list it follows, so that a failed read is tried again rather than left empty.
        var list = await Chats.ListConversationsAsync();
        if (list.IsUnavailable)
        {
            await subscription.Value.DisposeAsync();
            return false;
        }

        _listSubscription = subscription.Value;
        _conversations = list.Value;
        return true;
    }

    // The open chat gone from the list may be a deletion whose own event this page missed: its snapshot tells.
    private async Task ShowListAsync(IReadOnlyList<ConversationSummary> next)
    {
        var shown = _conversations;
        _conversations = next;
        if (_view is { IsLoaded: true, ConversationId: { } open } && ConversationList.Drops(shown, next, open))
        {
            await ReloadOrReopenAsync();
        }
    }

    private async Task ReadListAgainAsync()
    {
        var list = await Chats.ListConversationsAsync();
        await (list.IsUnavailable ? LoseStreamsAsync(EndListSubscriptionAsync) : ShowListAsync(list.Value));
    }

    private async Task ApplyAsync(ConversationEvent conversationEvent)
    {
        _replyWatch.Heard(Time.GetUtcNow());
        if (conversationEvent is ConversationRenamed renamed)
        {
            _conversations = ConversationList.Renamed(_conversations, renamed.ConversationId, renamed.Title);
        }

        if (_view.Apply(conversationEvent) == ViewUpdate.ReloadNeeded)
        {
            await ReloadOrReopenAsync();
        }
    }

    private async Task ReloadOrReopenAsync()
    {
        if (!await ReloadAsync(0))
        {
            await LoseStreamsAsync(EndSubscriptionAsync);
        }
    }

    private async Task<bool> LoadAsync(long loadToken, ConversationKey conversation, int reloads)
    {
        var snapshot = await Chats.GetSnapshotAsync(conversation);
        if (snapshot.IsUnavailable)
        {
            return false;
        }

        _replyWatch.Heard(Time.GetUtcNow());

        return _view.Load(loadToken, snapshot.Value) != ViewUpdate.ReloadNeeded || await ReloadAsync(reloads + 1);
    }

    // A view that keeps finding gaps shows its last snapshot rather than loading for ever.
    private async Task<bool> ReloadAsync(int reloads) =>
        _view.ConversationId is not { } conversation || reloads >= MaxConsecutiveReloads
        || await LoadAsync(_view.BeginLoad(), conversation, reloads);

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
        if (_subscription is not null && _view.ConversationId is { } open && _replyWatch.IsStalled(_view.IsReplying, Time.GetUtcNow()))
        {
            Chats.ReportStalledReply(open, ReplyQuietLimit);
            _ = OnCircuitAsync(() => LoseStreamsAsync(EndSubscriptionsAsync));
        }

        return Task.CompletedTask;
    }

    // After a reconnect the old subscriptions and the events published meanwhile are gone.
    private Task ReopenAfterReconnectAsync() => LoseStreamsAsync(EndSubscriptionsAsync);

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

    private async Task EndSubscriptionAsync()
    {
        _generation++;
        if (_subscription is { } subscription)
        {
            _subscription = null;
            await subscription.DisposeAsync();
        }
    }

    private async Task EndListSubscriptionAsync()
    {
        if (_listSubscription is { } subscription)
        {
            _listSubscription = null;
            await subscription.DisposeAsync();
        }
    }

    private async Task EndSubscriptionsAsync()
    {
        await EndSubscriptionAsync();
        await EndListSubscriptionAsync();
    }
}
