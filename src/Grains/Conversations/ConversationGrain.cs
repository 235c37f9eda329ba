using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Diagnostics;
using ChatbotOrleans.Grains.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// Holds one conversation. Calls are short: a send is stored, published and answered at once; the
/// reply is written by a loop running on this activation beside the calls (see the Replies part).
/// </summary>
public sealed partial class ConversationGrain(
    [PersistentState("conversation", StorageNames.Chat)] IPersistentState<ConversationState> state,
    IMessageLog log,
    IChatModel model,
    TimeProvider time,
    IOptions<ConversationOptions> options,
    ChatMetrics metrics,
    ILogger<ConversationGrain> logger)
    : Grain, IConversationGrain, IConversationLifecycle, IRemindable, IDisposable
{
    private Conversation _conversation = null!;
    private IAsyncStream<ConversationEvent> _stream = null!;

    private ConversationId Id => new(this.GetPrimaryKey());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        metrics.ConversationActivated();
        _stream = this.GetStreamProvider(ConversationStreams.ProviderName)
            .GetStream<ConversationEvent>(StreamId.Create(ConversationStreams.Namespace, Id.Value));
        _conversation = new Conversation(state.State, await LoadMessagesAsync(cancellationToken), options.Value);
        if (_conversation.NextPending() is not null)
        {
            // A reply was owed when the last activation ended (crash, restart, deactivation): resume it.
            StartReplies();
        }

        // Conversations created before housekeeping existed get their reminder on first activation.
        await EnsureHousekeepingAsync();
    }

    public async Task CreateAsync(UserId owner)
    {
        if (_conversation.IsOwnedBy(owner))
        {
            return;
        }

        _conversation.Create(owner, time.GetUtcNow());
        await PersistAsync();
        await EnsureHousekeepingAsync();
    }

    public Task ResumeRepliesAsync()
    {
        // Activating already resumed what was owed; an active conversation answers this at once.
        StartReplies();
        return Task.CompletedTask;
    }

    public Task<ConversationSnapshot?> GetSnapshotAsync(UserId caller) =>
        Task.FromResult(_conversation.IsOwnedBy(caller) ? _conversation.Snapshot(Id, CurrentReply()) : null);

    public async Task<IReadOnlyList<ChatMessage>> GetHistoryAsync(UserId caller, long beforeSequence, int maxCount)
    {
        if (!_conversation.IsOwnedBy(caller) || maxCount <= 0)
        {
            return [];
        }

        // The newest come from memory; only what is older than the window costs a read of the log.
        var found = _conversation.Recent.Where(m => m.Sequence < beforeSequence).ToList();
        var oldestHeld = found.Count > 0 ? found[0].Sequence : Math.Min(beforeSequence, _conversation.Recent.Count > 0 ? _conversation.Recent[0].Sequence : long.MaxValue);
        if (found.Count < maxCount && oldestHeld > 1)
        {
            found.InsertRange(0, await log.ReadAsync(Id, oldestHeld, maxCount - found.Count));
        }

        return found.Count <= maxCount ? found : found.GetRange(found.Count - maxCount, maxCount);
    }

    public async Task<SendResult> SendAsync(UserId caller, SendMessage message)
    {
        if (!_conversation.IsOwnedBy(caller))
        {
            return new SendResult(SendOutcome.NotFound, Error: "This conversation does not exist.");
        }

        // Only a message that would be stored spends the owner's allowance (duplicates and rejections are free).
        if (_conversation.WouldAccept(message) && await GrainFactory.GetGrain<ISendRateGrain>(caller.Value).TryTakeAsync() is { } tooFast)
        {
            return new SendResult(SendOutcome.Rejected, Error: tooFast);
        }

        var decision = _conversation.AddUserMessage(message, time.GetUtcNow());
        if (decision.Outcome != SendOutcome.Accepted)
        {
            return decision.ToResult();
        }

        await AppendAsync(decision.Message!);
        if (_conversation.NeedsStateWrite)
        {
            // The first message gives the conversation its title.
            await PersistAsync();
        }

        metrics.MessageStored(decision.Message!);
        await PublishAsync(new MessageAdded(Id, decision.Message!));
        StartReplies();

        // The owner's list shows titles newest first; it writes only when a title changes (see UserGrain).
        await TellOwnerAsync();
        return decision.ToResult();
    }

    public async Task<SendResult> RetryReplyAsync(UserId caller, MessageId userMessage)
    {
        if (!_conversation.IsOwnedBy(caller))
        {
            return new SendResult(SendOutcome.NotFound, Error: "This conversation does not exist.");
        }

        if (_conversation.WouldRetryReply(userMessage) && await TooFastForReplyAsync(caller) is { } tooFast)
        {
            return new SendResult(SendOutcome.Rejected, Error: tooFast);
        }

        return await QueueReplyAsync(_conversation.RetryReply(userMessage));
    }

    public async Task<SendResult> RegenerateAsync(UserId caller)
    {
        if (!_conversation.IsOwnedBy(caller))
        {
            return new SendResult(SendOutcome.NotFound, Error: "This conversation does not exist.");
        }

        if (_conversation.WouldRegenerate() && await TooFastForReplyAsync(caller) is { } tooFast)
        {
            return new SendResult(SendOutcome.Rejected, Error: tooFast);
        }

        return await QueueReplyAsync(_conversation.Regenerate());
    }

    /// <summary>A reply asked for again costs the model as much as a message: it spends the same allowance.</summary>
    private Task<string?> TooFastForReplyAsync(UserId caller) => GrainFactory.GetGrain<ISendRateGrain>(caller.Value).TryTakeReplyAsync();

    public Task<UpdateResult> StopReplyAsync(UserId caller)
    {
        if (!_conversation.IsOwnedBy(caller))
        {
            return Task.FromResult(UpdateResult.NotFound);
        }

        // The reply loop sees the cancellation, stores what arrived as stopped and publishes it.
        _replyStop?.Cancel();
        return Task.FromResult(UpdateResult.Done);
    }

    public async Task<UpdateResult> RenameAsync(UserId caller, string title)
    {
        if (!_conversation.IsOwnedBy(caller))
        {
            return UpdateResult.NotFound;
        }

        if (_conversation.Rename(title) is { } error)
        {
            return UpdateResult.Refused(error);
        }

        await PersistAsync();
        await PublishAsync(new ConversationRenamed(Id, _conversation.State.Title));
        await TellOwnerAsync();
        return UpdateResult.Done;
    }

    public async Task<UpdateResult> DeleteAsync(UserId caller)
    {
        if (!_conversation.IsOwnedBy(caller))
        {
            return UpdateResult.NotFound;
        }

        await DeleteEverythingAsync(DeletionReason.ByOwner);
        return UpdateResult.Done;
    }

    private async Task<SendResult> QueueReplyAsync(SendDecision decision)
    {
        if (decision.Outcome == SendOutcome.Accepted)
        {
            await PersistAsync();
            await EnsureReplyGuardAsync();
            StartReplies();
        }

        return decision.ToResult();
    }

    private async Task PublishAsync(ConversationEvent conversationEvent)
    {
        try
        {
            await _stream.OnNextAsync(conversationEvent);
        }
        catch (Exception exception)
        {
            // The stream only notifies; the state is already stored and pages reload it on a gap.
            LogPublishFailed(logger, exception, Id, conversationEvent.GetType().Name);
        }
    }

    private async Task TellOwnerAsync()
    {
        var owner = new UserId(_conversation.State.OwnerId);
        var summary = new ConversationSummary(Id, _conversation.State.Title, _conversation.UpdatedAt, _conversation.Sequence == 0);
        try
        {
            await GrainFactory.GetGrain<IUserConversations>(owner.Value).ConversationChangedAsync(summary);
        }
        catch (Exception exception)
        {
            LogOwnerUpdateFailed(logger, exception, Id);
        }
    }

    public void Dispose()
    {
        _deactivating.Dispose();
        _writeGate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {EventType} for conversation {ConversationId} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, ConversationId conversationId, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating the owner's list for conversation {ConversationId} failed")]
    private static partial void LogOwnerUpdateFailed(ILogger logger, Exception exception, ConversationId conversationId);
}
