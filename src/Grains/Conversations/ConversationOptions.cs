using System.ComponentModel.DataAnnotations;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>The rules of a conversation, bound from the "Conversations" configuration section.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>The longest user message accepted, in characters.</summary>
    [Range(1, 100_000)]
    public int MaxMessageLength { get; set; } = 4_000;

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
    /// How many messages move to an archive page at a time. The grain keeps between one and two pages
    /// of recent messages in its own state, so adding a message costs the same at any length.
    /// </summary>
    [Range(2, 1_000)]
    public int PageSize { get; set; } = 32;

    /// <summary>How often the reminder that guards pending replies fires (Orleans' minimum applies).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReplyGuardPeriod { get; set; } = TimeSpan.FromMinutes(1);

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
