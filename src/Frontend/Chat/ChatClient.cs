using ChatbotOrleans.Frontend.Auth;
using ChatbotOrleans.Frontend.Hosting;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components.Authorization;
using Orleans.Streams;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// One circuit's way to the cluster for the chat: grain calls for the signed-in user, answered with
/// outcomes (the cluster not answering is one of them), and stream subscriptions that call the page's
/// handler until the page disposes them. Scoped, so each circuit has its own.
/// </summary>
internal sealed partial class ChatClient(
    IClusterClient client,
    ClusterConnectionMonitor monitor,
    AuthenticationStateProvider authentication,
    TimeProvider time,
    ILogger<ChatClient> logger)
{
    private readonly PatientChange _patient = new(time);
    private UserId? _user;

    /// <summary>Whether the client holds a gateway connection; before the first one it knows no grain types.</summary>
    public bool IsConnected => monitor.IsConnected;

    public Task<ClusterAnswer<IReadOnlyList<ConversationSummary>>> ListConversationsAsync() =>
        ReadAsync(user => UserGrain(user).ListConversationsAsync());

    /// <summary>The user's newest conversation, started if they have none.</summary>
    public Task<ClusterAnswer<ConversationSummary>> FindOrStartNewestAsync() =>
        ReadAsync(user => UserGrain(user).FindOrStartNewestAsync());

    /// <summary>A new conversation, or the sentence that says why not (too many chats, or started too fast).</summary>
    public Task<ClusterAnswer<StartConversationResult>> StartConversationAsync() =>
        ReadAsync(user => UserGrain(user).TryStartConversationAsync());

    /// <summary>The conversation's snapshot; its value is <c>null</c> when it does not exist or is not the user's.</summary>
    public Task<ClusterAnswer<ConversationSnapshot?>> GetSnapshotAsync(ConversationId conversation) =>
        ReadAsync(user => ConversationGrain(conversation).GetSnapshotAsync(user));

    /// <summary>Up to <paramref name="maxCount"/> messages before <paramref name="beforeSequence"/>, oldest first.</summary>
    public Task<ClusterAnswer<IReadOnlyList<ChatMessage>>> GetHistoryAsync(ConversationId conversation, long beforeSequence, int maxCount) =>
        ReadAsync(user => ConversationGrain(conversation).GetHistoryAsync(user, beforeSequence, maxCount));

    /// <summary>Up to <paramref name="maxCount"/> messages after <paramref name="afterSequence"/>, oldest first.</summary>
    public Task<ClusterAnswer<IReadOnlyList<ChatMessage>>> GetHistoryAfterAsync(ConversationId conversation, long afterSequence, int maxCount) =>
        ReadAsync(user => ConversationGrain(conversation).GetHistoryAfterAsync(user, afterSequence, maxCount));

    /// <summary>The user's messages that match <paramref name="query"/>, across all their chats, or why it was refused.</summary>
    public Task<ClusterAnswer<SearchResult>> SearchAsync(string query) =>
        ReadAsync(user => client.GetGrain<IChatSearchGrain>(user.Value).SearchAsync(query));

    /// <summary>The tokens of <paramref name="conversation"/>, if one is open, and the user's today.</summary>
    public Task<ClusterAnswer<UsageFigures>> GetUsageAsync(ConversationId? conversation) => ReadAsync(async user =>
    {
        var usage = client.GetGrain<IUsageGrain>(user.Value);
        var chat = conversation is { } open ? await usage.GetConversationTokensAsync(open) : (long?)null;
        return new UsageFigures(chat, await usage.GetTodayAsync());
    });

    /// <summary>The models offered (ids and names only), the default first.</summary>
    public Task<ClusterAnswer<IReadOnlyList<ChatModelInfo>>> ListModelsAsync() =>
        ReadAsync(_ => client.GetGrain<IChatModelsGrain>(0).ListAsync());

    /// <summary>The built-in presets, then the user's own.</summary>
    public Task<ClusterAnswer<IReadOnlyList<ChatPreset>>> ListPresetsAsync() =>
        ReadAsync(user => PresetsGrain(user).ListAsync());

    public async Task<ChangeResult> SavePresetAsync(ChatPreset preset) =>
        await ReadAsync(user => PresetsGrain(user).SaveAsync(preset)) is { IsUnavailable: false } answer ? answer.Value : ChangeResult.Unavailable;

    public async Task<ChangeResult> DeletePresetAsync(string name) =>
        await ReadAsync(user => PresetsGrain(user).DeleteAsync(name)) is { IsUnavailable: false } answer ? answer.Value : ChangeResult.Unavailable;

    public Task<ChangeResult> ConfigureAsync(ConversationId conversation, ConversationSetup setup) =>
        ChangeAsync(conversation, (grain, user) => grain.ConfigureAsync(user, setup));

    public async Task<ChangeResult> SendAsync(ConversationId conversation, SendMessage message)
    {
        using var activity = ChatActivities.StartTrace("chat send");
        return await IdempotentChangeAsync(conversation, (grain, user, ct) => grain.SendAsync(user, message, ct));
    }

    public Task<ChangeResult> EditAsync(ConversationId conversation, EditMessage edit) =>
        IdempotentChangeAsync(conversation, (grain, user, ct) => grain.EditAsync(user, edit, ct));

    public Task<ChangeResult> SelectVersionAsync(ConversationId conversation, long sequence) =>
        ChangeAsync(conversation, (grain, user) => grain.SelectVersionAsync(user, sequence));

    public Task<ChangeResult> RetryAsync(ConversationId conversation, MessageId userMessage) =>
        ChangeAsync(conversation, (grain, user) => grain.RetryReplyAsync(user, userMessage));

    public Task<ChangeResult> RegenerateAsync(ConversationId conversation) =>
        ChangeAsync(conversation, (grain, user) => grain.RegenerateAsync(user));

    public Task<ChangeResult> StopAsync(ConversationId conversation) =>
        ChangeAsync(conversation, (grain, user) => grain.StopReplyAsync(user));

    public Task<ChangeResult> RenameAsync(ConversationId conversation, string title) =>
        ChangeAsync(conversation, (grain, user) => grain.RenameAsync(user, title));

    public Task<ChangeResult> DeleteAsync(ConversationId conversation) =>
        ChangeAsync(conversation, (grain, user) => grain.DeleteAsync(user));

    /// <summary>
    /// Calls <paramref name="handler"/> with every event of the conversation until the subscription is disposed, and
    /// <paramref name="missed"/> when the stream says an event may not have reached it.
    /// </summary>
    public Task<ClusterAnswer<IAsyncDisposable>> SubscribeAsync(ConversationId conversation, Func<ConversationEvent, Task> handler, Func<Task> missed) =>
        SubscribeAsync(StreamId.Create(ConversationStreams.Namespace, conversation.Value), handler, missed);

    /// <summary>Calls <paramref name="handler"/> with every change of the user's list (from any tab of theirs), <paramref name="missed"/> as above.</summary>
    public async Task<ClusterAnswer<IAsyncDisposable>> SubscribeToListAsync(Func<ConversationListChanged, Task> handler, Func<Task> missed) =>
        await SubscribeAsync(StreamId.Create(UserStreams.Namespace, (await GetUserAsync()).Value), handler, missed);

    /// <summary>
    /// Calls <paramref name="handler"/> whenever the client connects to a gateway again: subscriptions made
    /// before a cluster restart are gone then, and so are the events published meanwhile (dotnet/orleans#10274).
    /// </summary>
    public IDisposable OnReconnected(Func<Task> handler)
    {
        void OnGatewayConnected(object? sender, EventArgs e) => _ = handler();
        monitor.GatewayConnected += OnGatewayConnected;
        return new Unhook(() => monitor.GatewayConnected -= OnGatewayConnected);
    }

    /// <summary>Notes that a page heard nothing of a reply for too long and follows its stream again.</summary>
    public void ReportStalledReply(ConversationId conversation, TimeSpan quiet) =>
        LogStalledReply(logger, conversation.Value, quiet.TotalSeconds);

    private async Task<ClusterAnswer<T>> ReadAsync<T>(Func<UserId, Task<T>> read)
    {
        try
        {
            return new ClusterAnswer<T>(await read(await GetUserAsync()));
        }
        catch (Exception exception) when (ClusterFault.Is(exception))
        {
            LogCallFailed(logger, exception);
            return new ClusterAnswer<T>(default!, IsUnavailable: true);
        }
    }

    private async Task<ChangeResult> ChangeAsync(ConversationId conversation, Func<IConversationGrain, UserId, Task<ChangeResult>> change)
    {
        var answer = await ReadAsync(user => change(ConversationGrain(conversation), user));
        return answer.IsUnavailable ? ChangeResult.Unavailable : answer.Value;
    }

    private Task<ChangeResult> IdempotentChangeAsync(
        ConversationId conversation, Func<IConversationGrain, UserId, CancellationToken, Task<ChangeResult>> change) =>
        _patient.MakeAsync(ct => ChangeAsync(conversation, (grain, user) => change(grain, user, ct)));

    // Orleans tells a consumer through its error callback when it gave up delivering an event; the event is lost to
    // the page unless it reads the state again. (A consumer that fell behind the queue cache is not told: StreamGapTests.)
    private async Task<ClusterAnswer<IAsyncDisposable>> SubscribeAsync<T>(StreamId stream, Func<T, Task> handler, Func<Task> missed)
    {
        try
        {
            var handle = await client.GetStreamProvider(ConversationStreams.ProviderName).GetStream<T>(stream)
                .SubscribeAsync((item, _) => handler(item), exception =>
                {
                    LogStreamError(logger, exception, stream.ToString());
                    return missed();
                });
            return new ClusterAnswer<IAsyncDisposable>(new Subscription<T>(handle, logger));
        }
        catch (Exception exception) when (ClusterFault.Is(exception))
        {
            LogCallFailed(logger, exception);
            return new ClusterAnswer<IAsyncDisposable>(null!, IsUnavailable: true);
        }
    }

    private async Task<UserId> GetUserAsync()
    {
        if (_user is { } known)
        {
            return known;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        if (!UserClaims.TryGetUserId(state.User, out var user))
        {
            throw new InvalidOperationException("The circuit has no signed-in user.");
        }

        _user = user;
        return user;
    }

    private IConversationGrain ConversationGrain(ConversationId id) => client.GetGrain<IConversationGrain>(id.Value);

    private IUserGrain UserGrain(UserId id) => client.GetGrain<IUserGrain>(id.Value);

    private IUserPresetsGrain PresetsGrain(UserId id) => client.GetGrain<IUserPresetsGrain>(id.Value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A chat call failed: the cluster did not answer.")]
    private static partial void LogCallFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {Conversation}: no event of the awaited reply for {Seconds} s; the page follows its stream again and reloads.")]
    private static partial void LogStalledReply(ILogger logger, Guid conversation, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {Stream} reported an error to this page; it reads what it shows again.")]
    private static partial void LogStreamError(ILogger logger, Exception exception, string stream);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsubscribing from a chat stream failed.")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);

    private sealed class Subscription<T>(StreamSubscriptionHandle<T> handle, ILogger logger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await handle.UnsubscribeAsync();
            }
            catch (Exception exception) when (ClusterFault.Is(exception))
            {
                // After a cluster restart the pubsub may no longer know the subscription; nothing to undo.
                LogUnsubscribeFailed(logger, exception);
            }
        }
    }

    private sealed class Unhook(Action unhook) : IDisposable
    {
        public void Dispose() => unhook();
    }
}
