namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// A conversation's persisted state: metadata only. The messages are rows of the message log
/// (<see cref="IMessageLog"/>), so a message costs no write of this state. Stored with Orleans'
/// version-tolerant serializer: never renumber an [Id].
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

    // Ids 5–7 are retired (messages held in state before the log existed): never reuse them.

    /// <summary>Whether the housekeeping reminder was registered (once in the conversation's life).</summary>
    [Id(8)] public bool HousekeepingRegistered { get; set; }

    /// <summary>Replies asked for again (retry, regenerate), oldest first; kept until the log answers them.</summary>
    [Id(9)] public List<ReplyRequest> ReplyRequests { get; set; } = [];

    /// <summary>The current path's end when versions were last switched (see <see cref="ConversationPath"/>).</summary>
    [Id(10)] public long PathTip { get; set; }

    /// <summary>The newest sequence when versions were last switched; 0 when never.</summary>
    [Id(11)] public long PathTipAt { get; set; }

    /// <summary>Whether the log holds forks (edits, regenerated replies); written before the first is appended.</summary>
    [Id(12)] public bool HasForks { get; set; }

    /// <summary>The model the owner chose; null for the operator's default.</summary>
    [Id(13)] public string? ModelId { get; set; }

    /// <summary>The system prompt the model sees first; empty for none.</summary>
    [Id(14)] public string Instructions { get; set; } = "";
}
