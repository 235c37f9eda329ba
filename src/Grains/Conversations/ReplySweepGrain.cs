using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// Wakes conversations owing a reply to a send. A user message's own row in the log marks the reply owed
/// until the reply's row is written, so guarding a send costs no write at all (a reminder per busy
/// conversation cost two: registering and removing it). A woken conversation that is already writing the
/// reply ignores the call.
/// </summary>
public sealed partial class ReplySweepGrain(
    IMessageLog log,
    TimeProvider time,
    IOptions<ConversationOptions> options,
    ILogger<ReplySweepGrain> logger) : Grain, IReplySweepGrain, IRemindable
{
    internal const string ReminderName = "reply-sweep";
    internal const int MaxPerSweep = 1_000;

    /// <summary>Registers (or re-registers, taking a changed period) the reminder: one small write per silo start.</summary>
    public async Task StartAsync()
    {
        var period = options.Value.ReplySweepPeriod;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? SweepAsync() : Task.CompletedTask;

    public async Task<int> SweepAsync()
    {
        var now = time.GetUtcNow();
        var rules = options.Value;
        var owing = await log.FindUnansweredAsync(now - rules.ReplySweepLookback, now - rules.ReplySweepGrace, MaxPerSweep);
        foreach (var conversation in owing)
        {
            try
            {
                await GrainFactory.GetGrain<IInternalConversationGrain>(conversation.Value).ResumeRepliesAsync();
            }
            catch (Exception exception)
            {
                // The next sweep tries again.
                LogWakeFailed(logger, exception, conversation.Value);
            }
        }

        if (owing.Count > 0)
        {
            LogSwept(logger, owing.Count);
        }

        return owing.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The reply sweep woke {Count} conversations owing a reply")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reply sweep could not wake conversation {ConversationId}")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception, Guid conversationId);
}
