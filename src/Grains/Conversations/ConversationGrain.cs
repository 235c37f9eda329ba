using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Diagnostics;
using ChatbotOrleans.Grains.Usage;
using ChatbotOrleans.Grains.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// Holds one conversation, placed where its events are read (<see cref="ConversationPlacement"/>). Each call checks the
/// caller, asks the <see cref="Conversation"/>, stores and publishes; a <see cref="ReplyWriter"/> writes the reply.
/// </summary>
[ConversationPlacement]
public sealed partial class ConversationGrain(
    [PersistentState("conversation", StorageNames.Chat)] IPersistentState<ConversationState> state,
    IMessageLog log,
    IChatModels models,
    TimeProvider time,
    IOptions<ConversationOptions> options,
    ReplyTokens tokens,
    ChatMetrics metrics,
    ILogger<ConversationGrain> logger)
    : Grain, IConversationGrain, IInternalConversationGrain, IRemindable, IReplyHost, IDisposable
{
    internal const string ReplyGuardReminder = "reply-guard";
    internal const string HousekeepingReminder = "housekeeping";

    private Conversation _conversation = null!;
    private ConversationEvents _events = null!;
    private WriteGate _writes = null!;
    private ReplyWriter _replies = null!;
    private PathReader _reads = null!;

    public ConversationId Id => new(this.GetPrimaryKey());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        metrics.ConversationActivated();
        var stream = this.GetStreamProvider(ConversationStreams.ProviderName)
            .GetStream<ConversationEvent>(StreamId.Create(ConversationStreams.Namespace, Id.Value));
        _events = new ConversationEvents(Id, stream, GrainFactory, logger);
        _writes = new WriteGate(Id, DeactivateOnIdle, logger);
        _replies = new ReplyWriter(this, models, time, metrics, logger, tokens);
        _reads = new PathReader(Id, log, options.Value.WindowSize);
        _conversation = await ConversationLoader.LoadAsync(Id, state.State, log, options.Value, time.GetUtcNow(), cancellationToken);

        // A reply owed when the last activation ended (crash, restart, deactivation) is resumed.
        _replies.Start(_conversation);
        await EnsureHousekeepingAsync();
    }

    public async Task CreateAsync(UserId owner)
    {
        if (!_conversation.IsOwnedBy(owner))
        {
            _conversation.Create(owner, time.GetUtcNow());
            await _writes.WriteAsync(WriteStateAsync);
            await EnsureHousekeepingAsync();
        }
    }

    public Task ResumeRepliesAsync() => _replies.StartAsync(_conversation);

    public Task<ConversationSnapshot?> GetSnapshotAsync(UserId caller) =>
        Task.FromResult(_conversation.IsOwnedBy(caller)
            ? _conversation.Snapshot(Id, _replies.Current) with { Settings = ConversationSetupRules.Describe(_conversation.State, models) } : null);

    // The newest come from memory; only what is older than the window costs a read of the log.
    public async Task<IReadOnlyList<ChatMessage>> GetHistoryAsync(UserId caller, long beforeSequence, int maxCount) =>
        _conversation.IsOwnedBy(caller) && maxCount > 0 ? await _reads.HistoryBeforeAsync(_conversation, beforeSequence, maxCount) : [];

    // Every durable message is in the log, so reading forwards needs no merge with the window held here.
    public async Task<IReadOnlyList<ChatMessage>> GetHistoryAfterAsync(UserId caller, long afterSequence, int maxCount) =>
        _conversation.IsOwnedBy(caller) && maxCount > 0 ? await _reads.AfterAsync(_conversation.Path, afterSequence, Math.Min(maxCount, PathReader.MaxReadAfter)) : [];

    public async Task<IReadOnlyList<ChatMessage>> GetArchiveAsync(UserId caller, long afterSequence, int maxCount) =>
        _conversation.IsOwnedBy(caller) && maxCount > 0 ? await _reads.ArchiveAsync(_conversation.Path, afterSequence, Math.Min(maxCount, PathReader.MaxReadAfter)) : [];

    public async Task<ChangeResult> SendAsync(UserId caller, SendMessage message, CancellationToken cancellationToken) =>
        !_conversation.IsOwnedBy(caller) ? ChangeResult.NotFound
            : await StoreUserMessageAsync(await _conversation.AddUserMessageAsync(message, time.GetUtcNow(), AllowanceOf(caller).TryTakeAsync));

    public async Task<ChangeResult> EditAsync(UserId caller, EditMessage edit, CancellationToken cancellationToken) =>
        !_conversation.IsOwnedBy(caller) ? ChangeResult.NotFound
            : await StoreUserMessageAsync(await _conversation.EditAsync(edit, time.GetUtcNow(), AllowanceOf(caller).TryTakeAsync, await _reads.OlderEditPathAsync(_conversation, edit)));

    public async Task<ChangeResult> SelectVersionAsync(UserId caller, long sequence) =>
        !_conversation.IsOwnedBy(caller) ? ChangeResult.NotFound
        : _conversation.SelectRefusal(sequence, out var tip) is { } refusal ? refusal
        : await ShowBranchAsync(tip);

    private async Task<ChangeResult> ShowBranchAsync(long tip)
    {
        _conversation.ShowBranch(tip, await _reads.WindowAsync(_conversation.Path, tip));
        return await WriteAndPublishAsync(new VersionSelected(Id, tip));
    }

    private async Task<ChangeResult> StoreUserMessageAsync(ChangeResult result)
    {
        if (result is not { Outcome: ChangeOutcome.Accepted, Message: { } stored })
        {
            return result;
        }

        // The first message gives the conversation its title, the first edit marks it forked: those write the state too.
        if (!await _writes.TryWriteAsync(() => log.AppendAsync(Id, stored))
            || (_conversation.NeedsStateWrite && !await _writes.TryWriteAsync(WriteStateAsync)))
        {
            return ChangeResult.Unavailable;
        }

        metrics.MessageStored(stored);
        await _events.PublishAsync(new MessageAdded(Id, stored));
        _replies.Start(_conversation);
        await _events.TellOwnerAsync(_conversation);
        return result;
    }

    public async Task<ChangeResult> RetryReplyAsync(UserId caller, MessageId userMessage) =>
        !_conversation.IsOwnedBy(caller) ? ChangeResult.NotFound
            : await QueueReplyAsync(await _conversation.RetryReplyAsync(userMessage, AllowanceOf(caller).TryTakeReplyAsync));

    public async Task<ChangeResult> RegenerateAsync(UserId caller) =>
        !_conversation.IsOwnedBy(caller) ? ChangeResult.NotFound
            : await QueueReplyAsync(await _conversation.RegenerateAsync(AllowanceOf(caller).TryTakeReplyAsync));

    // The reply writer stores what arrived as stopped and publishes it.
    public Task<ChangeResult> StopReplyAsync(UserId caller) =>
        Task.FromResult(_conversation.IsOwnedBy(caller) ? _replies.Stop() : ChangeResult.NotFound);

    public async Task<ChangeResult> ConfigureAsync(UserId caller, ConversationSetup setup) =>
        !_conversation.IsOwnedBy(caller) ? ChangeResult.NotFound
        : ConversationSetupRules.Apply(_conversation.State, setup, models, options.Value.MaxInstructionsLength) is { } error ? ChangeResult.Refused(error)
        : await WriteAndPublishAsync(new SettingsChanged(Id, ConversationSetupRules.Describe(_conversation.State, models)));

    public async Task<ChangeResult> RenameAsync(UserId caller, string title) =>
        !_conversation.IsOwnedBy(caller) ? ChangeResult.NotFound
        : _conversation.Rename(title) is { } error ? ChangeResult.Refused(error)
        : await WriteAndPublishAsync(new ConversationRenamed(Id, _conversation.State.Title));

    public async Task<ChangeResult> DeleteAsync(UserId caller) =>
        _conversation.IsOwnedBy(caller) ? await DeleteEverythingAsync(DeletionReason.ByOwner) : ChangeResult.NotFound;

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        ReplyGuardReminder => _replies.OnGuardTickAsync(_conversation),
        HousekeepingReminder => HousekeepAsync(),
        _ => Task.CompletedTask,
    };

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.ConversationDeactivated();
        await _replies.CloseAsync(reason.ReasonCode, cancellationToken);
    }

    public void Dispose()
    {
        _replies?.Dispose();
        _writes?.Dispose();
    }

    Task IReplyHost.StoreAsync(ChatMessage reply) => _writes.WriteAsync(() => log.AppendAsync(Id, reply));

    Task IReplyHost.RegisterGuardAsync() => this.RegisterOrUpdateReminder(ReplyGuardReminder, options.Value.ReplyGuardPeriod, options.Value.ReplyGuardPeriod);

    Task IReplyHost.UnregisterGuardAsync() => this.UnregisterReminderIfAnyAsync(ReplyGuardReminder);

    Task IReplyHost.PublishAsync(ConversationEvent conversationEvent) => _events.PublishAsync(conversationEvent);

    Task IReplyHost.RecordUsageAsync(UsageRecord usage) => GrainFactory.GetGrain<IUsageRecorder>(usage.User.Value).RecordAsync(usage);

    private ISendRateGrain AllowanceOf(UserId user) => GrainFactory.GetGrain<ISendRateGrain>(user.Value);

    private async Task<ChangeResult> QueueReplyAsync(ChangeResult result)
    {
        if (result.Outcome == ChangeOutcome.Accepted)
        {
            if (!await _writes.TryWriteAsync(WriteStateAsync))
            {
                return ChangeResult.Unavailable;
            }

            await _replies.GuardAsync();
            _replies.Start(_conversation);
        }

        return result;
    }

    private async Task<ChangeResult> WriteAndPublishAsync(ConversationEvent change)
    {
        if (!await _writes.TryWriteAsync(WriteStateAsync))
        {
            return ChangeResult.Unavailable;
        }

        await _events.PublishAsync(change);
        await _events.TellOwnerAsync(_conversation);
        return ChangeResult.Done;
    }

    private Task WriteStateAsync()
    {
        _conversation.PrepareStateWrite();
        return state.WriteStateAsync();
    }

    // Registered once in the conversation's life: the flag is persisted, so no activation pays for a reminder call.
    private async Task EnsureHousekeepingAsync()
    {
        if (_conversation.Exists && !_conversation.State.HousekeepingRegistered)
        {
            var period = options.Value.HousekeepingPeriod;
            await this.RegisterOrUpdateReminder(HousekeepingReminder, period, period);
            _conversation.State.HousekeepingRegistered = true;
            await _writes.WriteAsync(WriteStateAsync);
        }
    }

    // Deleted or never created: nothing may keep the reminder alive. Otherwise expire, or sweep a reply left owed.
    private Task HousekeepAsync() =>
        !_conversation.Exists ? this.UnregisterReminderIfAnyAsync(HousekeepingReminder)
        : _conversation.IsExpired(time.GetUtcNow()) ? DeleteEverythingAsync(DeletionReason.Expired)
        : ResumeRepliesAsync();

    // Gone for callers first (reads interleave with this); the state goes last, so a crash midway leaves a
    // conversation whose next housekeeping tick finishes the job.
    private async Task<ChangeResult> DeleteEverythingAsync(DeletionReason reason)
    {
        await _replies.CloseAsync();
        await _events.PublishAsync(new ConversationDeleted(Id));
        var owner = _conversation.State.OwnerId;
        _conversation = new Conversation(new ConversationState(), [], options.Value);
        await log.DeleteAsync(Id);
        await GrainFactory.GetGrain<IUserConversations>(owner).ConversationDeletedAsync(Id);
        await this.UnregisterReminderIfAnyAsync(ReplyGuardReminder);
        await this.UnregisterReminderIfAnyAsync(HousekeepingReminder);
        state.State = _conversation.State;
        await state.ClearStateAsync();
        LogDeleted(logger, Id, reason);
        DeactivateOnIdle();
        return ChangeResult.Done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} was deleted ({Reason})")]
    private static partial void LogDeleted(ILogger logger, ConversationId conversationId, DeletionReason reason);
}
