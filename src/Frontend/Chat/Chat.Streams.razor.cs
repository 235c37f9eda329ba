using ChatbotOrleans.Grains.Abstractions;
using ConversationKey = ChatbotOrleans.Grains.Abstractions.ConversationId;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>The page's subscriptions: the open conversation's stream and the user's list, followed again after a reconnect.</summary>
public sealed partial class Chat
{
    private const string Reconnecting = "The chat service is unreachable. Reconnecting…";
    private const int MaxConsecutiveReloads = 3;
    private static readonly TimeSpan[] ResubscribeDelays =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    private IAsyncDisposable? _subscription;
    private IAsyncDisposable? _listSubscription;
    private IDisposable? _reconnected;
    private long _generation;
    private string? _problem;

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
        var subscription = await Chats.SubscribeAsync(conversation, e => OnCircuitAsync(() => ApplyAsync(e)));
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
        return await LoadAsync(loadToken, conversation, 0);
    }

    private async Task<bool> FollowConversationsAsync()
    {
        var subscription = await Chats.SubscribeToListAsync(changed => OnCircuitAsync(() =>
        {
            _conversations = changed.ApplyTo(_conversations);
            return Task.CompletedTask;
        }));
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

    private async Task ApplyAsync(ConversationEvent conversationEvent)
    {
        if (_view.Apply(conversationEvent) == ViewUpdate.ReloadNeeded && !await ReloadAsync(0))
        {
            _problem = Reconnecting;
        }
    }

    private async Task<bool> LoadAsync(long loadToken, ConversationKey conversation, int reloads)
    {
        var snapshot = await Chats.GetSnapshotAsync(conversation);
        if (snapshot.IsUnavailable)
        {
            return false;
        }

        return _view.Load(loadToken, snapshot.Value) != ViewUpdate.ReloadNeeded || await ReloadAsync(reloads + 1);
    }

    // A view that keeps finding gaps shows its last snapshot rather than loading for ever.
    private async Task<bool> ReloadAsync(int reloads) =>
        _view.ConversationId is not { } conversation || reloads >= MaxConsecutiveReloads
        || await LoadAsync(_view.BeginLoad(), conversation, reloads);

    // After a reconnect the old subscriptions and the events published meanwhile are gone: follow again and reload.
    private async Task ResubscribeAsync()
    {
        var conversation = _view.ConversationId;
        foreach (var delay in ResubscribeDelays)
        {
            await Task.Delay(delay, _disposed.Token);
            if (_view.ConversationId != conversation)
            {
                return;
            }

            await EndListSubscriptionAsync();
            if (await FollowConversationsAsync() && (conversation is not { } open || await SubscribeAndLoadAsync(open)))
            {
                _problem = null;
                return;
            }

            _problem = Reconnecting;
            StateHasChanged();
        }
    }

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
