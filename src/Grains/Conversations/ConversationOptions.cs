using System.ComponentModel.DataAnnotations;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>The rules of a conversation, bound from the "Conversations" configuration section.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>The longest user message accepted, in characters.</summary>
    [Range(1, 100_000)]
    public int MaxMessageLength { get; set; } = 4_000;

    /// <summary>The longest system prompt of a conversation or preset, in characters.</summary>
    [Range(0, 100_000)]
    public int MaxInstructionsLength { get; set; } = 4_000;

    /// <summary>
    /// Messages one user may send per minute, across all their conversations: each costs a model reply.
    /// Duplicates and rejected messages do not count.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxMessagesPerMinute { get; set; } = 20;

    /// <summary>How many characters of the newest messages the model sees at most.</summary>
    [Range(100, 1_000_000)]
    public int ContextCharacterBudget { get; set; } = 12_000;

    /// <summary>
    /// How many of the newest messages a conversation keeps in memory while active: what the page is
    /// shown first and what the model's context is cut from. Older ones are read from the message log.
    /// </summary>
    [Range(2, 1_000)]
    public int WindowSize { get; set; } = 32;

    /// <summary>
    /// How long a send stays idempotent on its id once more messages than the window holds came after it: a
    /// page retries a send within seconds, and a reconnecting one within its circuit's minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SendIdempotencyPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often the reminder that guards a reply asked for again (retry, regenerate) fires (Orleans'
    /// minimum applies). Replies to sends are guarded by the reply sweep instead.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReplyGuardPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the reply sweep looks for user messages left unanswered, e.g. by a silo that died while
    /// the model was writing, and wakes their conversations (Orleans' minimum reminder period applies).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReplySweepPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How old an unanswered user message must be before the sweep wakes its conversation.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ReplySweepGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far back the sweep looks. Older unanswered messages are answered when their conversation next
    /// activates (the page is opened, or the daily housekeeping).
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ReplySweepLookback { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A conversation idle longer than this is deleted, with its archive pages.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How often each conversation's housekeeping reminder fires: it applies the retention period and
    /// restarts any reply left pending (a sweep behind the per-reply guard).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan HousekeepingPeriod { get; set; } = TimeSpan.FromDays(1);
}
