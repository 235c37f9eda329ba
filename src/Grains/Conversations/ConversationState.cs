using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// A conversation's persisted state: metadata and a bounded window of recent messages. Older messages
/// live in archive pages. Stored with Orleans' version-tolerant serializer: never renumber an [Id].
/// </summary>
[GenerateSerializer, Alias("ConversationState")]
public sealed class ConversationState
{
    [Id(0)] public Guid OwnerId { get; set; }

    [Id(1)] public string Title { get; set; } = "";

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The sequence of the newest message; messages are numbered 1, 2, 3… with no gaps.</summary>
    [Id(4)] public long Sequence { get; set; }

    /// <summary>The newest messages, oldest first.</summary>
    [Id(5)] public List<ChatMessage> Recent { get; set; } = [];

    /// <summary>How many archive pages hold older messages (pages 0 … n-1).</summary>
    [Id(6)] public int ArchivedPages { get; set; }

    /// <summary>User messages still owed a reply, oldest first. Persisted so a crash never loses one.</summary>
    [Id(7)] public List<MessageId> PendingReplies { get; set; } = [];

    /// <summary>Whether the housekeeping reminder was registered (once in the conversation's life).</summary>
    [Id(8)] public bool HousekeepingRegistered { get; set; }
}
