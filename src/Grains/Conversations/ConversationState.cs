using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// A conversation's persisted state: metadata only. The messages are rows of the message log
/// (<see cref="IMessageLog"/>), so a message costs no write of this state. Stored with Orleans'
/// version-tolerant serializer: never renumber an [Id]. Ids 5–7 are the layout before the log (the
/// window of messages, archive pages, pending replies), read once to move their messages into the log.
/// </summary>
[GenerateSerializer, Alias("ConversationState")]
public sealed class ConversationState
{
    [Id(0)] public Guid OwnerId { get; set; }

    [Id(1)] public string Title { get; set; } = "";

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The sequence of the newest message when this state was last written (the log's newest row is the
    /// truth); messages are numbered 1, 2, 3… with no gaps.
    /// </summary>
    [Id(4)] public long Sequence { get; set; }

    /// <summary>Before the message log: the newest messages, oldest first. Empty once moved to the log.</summary>
    [Id(5)] public List<ChatMessage> Recent { get; set; } = [];

    /// <summary>Before the message log: how many archive pages held older messages. Zero once moved to the log.</summary>
    [Id(6)] public int ArchivedPages { get; set; }

    /// <summary>Before the message log: user messages owed a reply. Now a message's own row marks it owed.</summary>
    [Id(7)] public List<MessageId> PendingReplies { get; set; } = [];

    /// <summary>Whether the housekeeping reminder was registered (once in the conversation's life).</summary>
    [Id(8)] public bool HousekeepingRegistered { get; set; }

    /// <summary>Replies asked for again (retry, regenerate), oldest first; kept until the log answers them.</summary>
    [Id(9)] public List<ReplyRequest> ReplyRequests { get; set; } = [];
}
