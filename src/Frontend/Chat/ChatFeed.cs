using ChatbotOrleans.Grains.Abstractions;
using ConversationKey = ChatbotOrleans.Grains.Abstractions.ConversationId;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// What a chat page follows: the open conversation, whose stream keeps a <see cref="ConversationView"/> current, and
/// the user's list of chats. Stream events arrive on Orleans' threads: the page says how to run them on its dispatcher
/// (<c>onCircuit</c>), and what to do with a subscription that is lost (<c>lost</c>: end it, then open it again).
/// A subscription made after the page has gone (<c>disposed</c>) is ended at once.
/// </summary>
/// <remarks>Not thread-safe: its page calls it from the circuit's dispatcher.</remarks>
internal sealed class ChatFeed(
    ChatClient chats,
    ConversationView view,
    ReplyWatch replyWatch,
    TimeProvider time,
    Func<Func<Task>, Task> onCircuit,
    Func<Func<Task>, Task> lost,
    CancellationToken disposed) : IAsyncDisposable
{
    private const int MaxConsecutiveReloads = 3;

    private readonly ListVersion _listVersion = new();

    private IAsyncDisposable? _subscription;
    private IAsyncDisposable? _listSubscription;
    private long _generation;

    /// <summary>The user's chats, newest first, as their stream last said.</summary>
    public IReadOnlyList<ConversationSummary> Conversations { get; private set; } = [];

    /// <summary>Whether the open conversation's stream is followed.</summary>
    public bool FollowsConversation => _subscription is not null;

    /// <summary>Whether the user's list is followed.</summary>
    public bool FollowsList => _listSubscription is not null;

    /// <summary>Shows another conversation: forgets the old one, subscribes, then loads.</summary>
    /// <returns>False when the cluster did not answer.</returns>
    public async Task<bool> OpenAsync(ConversationKey conversation)
    {
        view.Reset(conversation);
        return await SubscribeAndLoadAsync(conversation);
    }

    /// <summary>Follows a conversation's stream again and reloads it, keeping what the reader has paged in.</summary>
    /// <remarks>Subscribes before loading, so no event falls between the snapshot and the stream (the view buffers them).</remarks>
    public async Task<bool> SubscribeAndLoadAsync(ConversationKey conversation)
    {
        await EndSubscriptionAsync();
        var generation = ++_generation;
        var loadToken = view.BeginLoad();
        var subscription = await chats.SubscribeAsync(conversation, e => onCircuit(() => ApplyAsync(e)), () => onCircuit(ReloadOrReopenAsync));
        if (subscription.IsUnavailable)
        {
            return false;
        }

        if (generation != _generation || disposed.IsCancellationRequested)
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

    /// <summary>Follows the user's list and reads it.</summary>
    /// <returns>False when the cluster did not answer.</returns>
    public async Task<bool> FollowListAsync()
    {
        var subscription = await chats.SubscribeToListAsync(changed => onCircuit(() => ListChangedAsync(changed)), () => onCircuit(ReadListAgainAsync));
        if (subscription.IsUnavailable)
        {
            return false;
        }

        if (disposed.IsCancellationRequested)
        {
            await subscription.Value.DisposeAsync();
            return true;
        }

        // Kept only with the list it follows, so that a failed read is tried again rather than left empty.
        var list = await chats.ListConversationsAsync();
        if (list.IsUnavailable)
        {
            await subscription.Value.DisposeAsync();
            return false;
        }

        _listSubscription = subscription.Value;
        Conversations = list.Value;
        return true;
    }

    /// <summary>Reads the open conversation again; a view that keeps finding gaps shows its last snapshot rather than loading for ever.</summary>
    /// <returns>False when the cluster did not answer.</returns>
    public Task<bool> ReloadAsync() => ReloadAsync(0);

    /// <summary>A call's answer names a chat the list may not have yet (its stream event can come later).</summary>
    public void Confirm(ConversationSummary summary) =>
        Conversations = [summary, .. Conversations.Where(c => c.Id != summary.Id)];

    /// <summary>
    /// A call's answer stored the first message of a chat, which gives it its title. The owner's list was told before
    /// the answer came, but its event may be lost (a silo stopping), leaving the chat "New chat" and empty, and "New
    /// chat" would open it again: the list is read now, and the chat is not empty whatever it says.
    /// </summary>
    public async Task ConfirmFirstMessageAsync(ConversationKey conversation)
    {
        var list = await chats.ListConversationsAsync();
        Conversations = ConversationList.Used(list.IsUnavailable ? Conversations : list.Value, conversation);
    }

    public async Task EndSubscriptionsAsync()
    {
        await EndSubscriptionAsync();
        await EndListSubscriptionAsync();
    }

    public async ValueTask DisposeAsync() => await EndSubscriptionsAsync();

    // The open chat gone from the list may be a deletion whose own event this page missed: its snapshot tells.
    private async Task ShowListAsync(IReadOnlyList<ConversationSummary> next)
    {
        var shown = Conversations;
        Conversations = next;
        if (view is { IsLoaded: true, ConversationId: { } open } && ConversationList.Drops(shown, next, open))
        {
            await ReloadOrReopenAsync();
        }
    }

    private Task ListChangedAsync(ConversationListChanged changed) =>
        _listVersion.Follows(changed) ? ShowListAsync(changed.ApplyTo(Conversations)) : ReadListAgainAsync();

    private async Task ReadListAgainAsync()
    {
        var list = await chats.ListConversationsAsync();
        await (list.IsUnavailable ? lost(EndListSubscriptionAsync) : ShowListAsync(list.Value));
    }

    private async Task ApplyAsync(ConversationEvent conversationEvent)
    {
        replyWatch.Heard(time.GetUtcNow());
        if (conversationEvent is ConversationRenamed renamed)
        {
            Conversations = ConversationList.Renamed(Conversations, renamed.ConversationId, renamed.Title);
        }
        else if (conversationEvent is MessageAdded added)
        {
            Conversations = ConversationList.Used(Conversations, added.ConversationId);
        }

        if (view.Apply(conversationEvent) == ViewUpdate.ReloadNeeded)
        {
            await ReloadOrReopenAsync();
        }
    }

    private async Task ReloadOrReopenAsync()
    {
        if (!await ReloadAsync(0))
        {
            await lost(EndSubscriptionAsync);
        }
    }

    private async Task<bool> LoadAsync(long loadToken, ConversationKey conversation, int reloads)
    {
        var snapshot = await chats.GetSnapshotAsync(conversation);
        if (snapshot.IsUnavailable)
        {
            return false;
        }

        replyWatch.Heard(time.GetUtcNow());
        if (snapshot.Value is { Sequence: > 0 })
        {
            Conversations = ConversationList.Used(Conversations, conversation);
        }

        return view.Load(loadToken, snapshot.Value) != ViewUpdate.ReloadNeeded || await ReloadAsync(reloads + 1);
    }

    private async Task<bool> ReloadAsync(int reloads) =>
        view.ConversationId is not { } conversation || reloads >= MaxConsecutiveReloads
        || await LoadAsync(view.BeginLoad(), conversation, reloads);

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
}
