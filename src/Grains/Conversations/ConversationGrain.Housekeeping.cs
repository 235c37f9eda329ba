using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Users;
using Microsoft.Extensions.Logging;

namespace ChatbotOrleans.Grains.Conversations;

public sealed partial class ConversationGrain
{
    internal const string HousekeepingReminder = "housekeeping";

    /// <summary>
    /// Registers the housekeeping reminder once in the conversation's life (the flag is persisted, so
    /// no activation pays for a reminder write or read again).
    /// </summary>
    private async Task EnsureHousekeepingAsync()
    {
        if (!_conversation.Exists || _conversation.State.HousekeepingRegistered)
        {
            return;
        }

        var period = options.Value.HousekeepingPeriod;
        await this.RegisterOrUpdateReminder(HousekeepingReminder, period, period);
        _conversation.State.HousekeepingRegistered = true;
        await PersistAsync();
    }

    /// <summary>The scheduled job: delete an expired conversation, or sweep a reply left pending.</summary>
    private async Task HousekeepAsync()
    {
        if (!_conversation.Exists)
        {
            // Deleted, or never created: nothing must keep this reminder alive.
            await this.UnregisterReminderIfAnyAsync(HousekeepingReminder);
            return;
        }

        if (_conversation.IsExpired(time.GetUtcNow()))
        {
            await DeleteEverythingAsync(DeletionReason.Expired);
            return;
        }

        if (_conversation.NextPending() is not null)
        {
            StartReplies();
        }
    }

    /// <summary>
    /// Deletes the conversation: its messages, its place in the owner's list, its reminders and its
    /// own state. It disappears for callers first (reads interleave with this); the stored state goes
    /// last, so a crash midway leaves a conversation whose next tick finishes the job.
    /// </summary>
    private async Task DeleteEverythingAsync(DeletionReason reason)
    {
        await _deactivating.CancelAsync();
        await PublishAsync(new ConversationDeleted(Id));
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
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} was deleted ({Reason})")]
    private static partial void LogDeleted(ILogger logger, ConversationId conversationId, DeletionReason reason);
}
