using ChatbotOrleans.Frontend.Hosting;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components.Authorization;
using Orleans.Streams;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// One circuit's link to the cluster: the grain calls of the chat page and the stream subscription
/// of the open conversation. Scoped, so each circuit has its own.
/// </summary>
/// <remarks>
/// Every change to <see cref="View"/> runs through the page's dispatcher (see <see cref="Attach"/>),
/// so stream events, reconnects and the page's own calls never race.
/// </remarks>
internal sealed partial class ConversationSession(
    IClusterClient client,
    ClusterConnectionMonitor monitor,
    AuthenticationStateProvider authentication,
    ILogger<ConversationSession> logger) : IAsyncDisposable
{
    private const int MaxConsecutiveReloads = 3;
    private const string Unreachable = "The chat service is unreachable. Reconnecting…";
    private static readonly TimeSpan[] ResubscribeDelays =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    private readonly CancellationTokenSource _closed = new();
    private object? _page;
    private Func<Func<Task>, Task>? _invokeAsync;
    private Func<Exception, Task>? _dispatchException;
    private StreamSubscriptionHandle<ConversationEvent>? _subscription;
    private StreamSubscriptionHandle<ConversationListChanged>? _listSubscription;
    private long _subscriptionGeneration;
    private UserId? _user;

    public ConversationView View { get; } = new();

    /// <summary>Whether the client holds a gateway connection; before the first one it knows no grain types.</summary>
    public bool IsClusterConnected => monitor.IsConnected;

    public IReadOnlyList<ConversationSummary> Conversations { get; private set; } = [];

    /// <summary>A sentence about the connection to the cluster, while something is wrong with it.</summary>
    public string? Problem { get; private set; }

    /// <summary>Connects the session to its page.</summary>
    /// <param name="page">The page; only it can detach the session again.</param>
    /// <param name="invokeAsync">Runs work on the page's dispatcher and re-renders after it.</param>
    /// <param name="dispatchException">Hands an unexpected failure of background work to the page.</param>
    public void Attach(object page, Func<Func<Task>, Task> invokeAsync, Func<Exception, Task> dispatchException)
    {
        if (_invokeAsync is null)
        {
            monitor.GatewayConnected += OnGatewayConnected;
        }

        _page = page;
        _invokeAsync = invokeAsync;
        _dispatchException = dispatchException;
    }

    /// <summary>Loads the user's list of conversations and follows its changes (from every tab of theirs).</summary>
    public async Task RefreshConversationsAsync()
    {
        var user = await GetUserAsync();
        _listSubscription ??= await client.GetStreamProvider(ConversationStreams.ProviderName)
            .GetStream<ConversationListChanged>(StreamId.Create(UserStreams.Namespace, user.Value))
            .SubscribeAsync((changed, _) => OnListChangedAsync(changed));
        Conversations = await UserGrain(user).ListConversationsAsync();
    }

    /// <summary>The user's newest conversation, started if they have none.</summary>
    public async Task<ConversationId> FindOrStartNewestAsync()
    {
        var newest = await UserGrain(await GetUserAsync()).FindOrStartNewestAsync();
        await RefreshConversationsAsync();
        return newest.Id;
    }

    /// <summary>Opens the user's chat that has no message yet, or starts one: "New chat" twice leaves no empty chats behind.</summary>
    public async Task<ConversationId> StartConversationAsync()
    {
        if (Conversations.FirstOrDefault(c => c.IsEmpty) is { } empty)
        {
            return empty.Id;
        }

        var started = await UserGrain(await GetUserAsync()).StartConversationAsync();
        Conversations = [started, .. Conversations.Where(c => c.Id != started.Id)];
        return started.Id;
    }

    /// <summary>Shows another conversation: unsubscribes from the old one, subscribes, then loads.</summary>
    public async Task OpenAsync(ConversationId conversationId)
    {
        await UnsubscribeAsync();
        View.Reset(conversationId);
        await SubscribeAndLoadAsync(conversationId);
    }

    public Task<SendResult> SendAsync(SendMessage message) =>
        CallAsync((grain, user) => grain.SendAsync(user, message));

    public Task<SendResult> RetryAsync(MessageId userMessage) =>
        CallAsync((grain, user) => grain.RetryReplyAsync(user, userMessage));

    public Task<SendResult> RegenerateAsync() => CallAsync((grain, user) => grain.RegenerateAsync(user));

    public async Task<UpdateResult> StopAsync() =>
        View.ConversationId is { } open ? await UpdateAsync(open, (grain, user) => grain.StopReplyAsync(user)) : UpdateResult.Done;

    public async Task<UpdateResult> RenameAsync(ConversationId conversation, string title)
    {
        var result = await UpdateAsync(conversation, (grain, user) => grain.RenameAsync(user, title));
        if (result.Succeeded)
        {
            // The stream brings the stored title too; showing it now keeps the sidebar in step with the click.
            await RefreshConversationsAsync();
        }

        return result;
    }

    public async Task<UpdateResult> DeleteAsync(ConversationId conversation)
    {
        var result = await UpdateAsync(conversation, (grain, user) => grain.DeleteAsync(user));
        if (result.Succeeded)
        {
            Conversations = [.. Conversations.Where(c => c.Id != conversation)];
        }

        return result;
    }

    /// <summary>
    /// Disconnects the page (it is going away) and ends the subscriptions; the circuit may attach another.
    /// A page replaced by a newer one (a navigation can dispose the old one after the new one attached)
    /// detaches nothing.
    /// </summary>
    public async Task DetachAsync(object page)
    {
        if (!ReferenceEquals(page, _page))
        {
            return;
        }

        await DetachAsync();
    }

    private async Task DetachAsync()
    {
        _page = null;
        if (_invokeAsync is not null)
        {
            monitor.GatewayConnected -= OnGatewayConnected;
            _invokeAsync = null;
            _dispatchException = null;
        }

        await UnsubscribeAsync();
        await UnsubscribeListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_closed.IsCancellationRequested)
        {
            return;
        }

        await _closed.CancelAsync();
        await DetachAsync();
        _closed.Dispose();
    }

    private async Task<SendResult> CallAsync(Func<IConversationGrain, UserId, Task<SendResult>> call)
    {
        if (View.ConversationId is not { } conversationId)
        {
            return new SendResult(SendOutcome.NotFound, Error: "No conversation is open.");
        }

        SendResult result;
        try
        {
            result = await call(ConversationGrain(conversationId), await GetUserAsync());
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            LogCallFailed(logger, exception);
            return new SendResult(SendOutcome.Rejected, Error: "The chat service did not answer. Please try again.");
        }

        // The stream may lag or have dropped the event; the result carries the stored message too.
        if (result.Message is { } stored && View.Apply(new MessageAdded(conversationId, stored)) == ViewUpdate.ReloadNeeded)
        {
            await ReloadAsync(0);
        }

        return result;
    }

    private async Task<UpdateResult> UpdateAsync(ConversationId conversation, Func<IConversationGrain, UserId, Task<UpdateResult>> call)
    {
        try
        {
            return await call(ConversationGrain(conversation), await GetUserAsync());
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            LogCallFailed(logger, exception);
            return UpdateResult.Refused("The chat service did not answer. Please try again.");
        }
    }

    private async Task SubscribeAndLoadAsync(ConversationId conversationId)
    {
        var generation = ++_subscriptionGeneration;
        var loadToken = View.BeginLoad();
        var stream = client.GetStreamProvider(ConversationStreams.ProviderName)
            .GetStream<ConversationEvent>(StreamId.Create(ConversationStreams.Namespace, conversationId.Value));
        var handle = await stream.SubscribeAsync((conversationEvent, _) => OnEventAsync(conversationEvent));
        if (generation != _subscriptionGeneration || _closed.IsCancellationRequested)
        {
            await TryUnsubscribeAsync(handle);
            return;
        }

        _subscription = handle;
        await LoadAsync(loadToken, conversationId, 0);
    }

    private async Task LoadAsync(long loadToken, ConversationId conversationId, int reloads)
    {
        var snapshot = await ConversationGrain(conversationId).GetSnapshotAsync(await GetUserAsync());
        if (View.Load(loadToken, snapshot) == ViewUpdate.ReloadNeeded)
        {
            await ReloadAsync(reloads + 1);
        }
    }

    private async Task ReloadAsync(int reloads)
    {
        if (View.ConversationId is not { } conversationId)
        {
            return;
        }

        if (reloads >= MaxConsecutiveReloads)
        {
            LogReloadLoop(logger, conversationId.ToString());
            return;
        }

        await LoadAsync(View.BeginLoad(), conversationId, reloads);
    }

    private async Task UnsubscribeAsync()
    {
        _subscriptionGeneration++;
        if (_subscription is { } handle)
        {
            _subscription = null;
            await TryUnsubscribeAsync(handle);
        }
    }

    private async Task UnsubscribeListAsync()
    {
        if (_listSubscription is { } handle)
        {
            _listSubscription = null;
            await TryUnsubscribeAsync(handle);
        }
    }

    private async Task TryUnsubscribeAsync<T>(StreamSubscriptionHandle<T> handle)
    {
        try
        {
            await handle.UnsubscribeAsync();
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            // After a cluster restart the pubsub may no longer know the subscription; nothing to undo.
            LogUnsubscribeFailed(logger, exception);
        }
    }
}
