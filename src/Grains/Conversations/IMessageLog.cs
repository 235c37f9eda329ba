using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// The conversations' messages, stored one row per message and never rewritten: adding a message costs
/// one small insert whatever the conversation's length. The conversation grain's own state keeps only
/// metadata; it holds its newest messages in memory, loaded from here when it activates.
/// </summary>
public interface IMessageLog
{
    /// <summary>
    /// Stores one message. Fails if the conversation already has a message with that sequence (a second
    /// activation of the same conversation, or a write retried after an unknown outcome): the caller's
    /// in-memory view is then behind, and it must reload.
    /// </summary>
    Task AppendAsync(ConversationId conversation, ChatMessage message, CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="maxCount"/> messages numbered below <paramref name="beforeSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> ReadAsync(ConversationId conversation, long beforeSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The oldest <paramref name="maxCount"/> messages numbered above <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> ReadAfterAsync(ConversationId conversation, long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="maxCount"/> messages numbered from <paramref name="fromSequence"/> to <paramref name="toSequence"/>
    /// (both included), oldest first: the newest of them when <paramref name="newest"/>, else the oldest.
    /// </summary>
    Task<IReadOnlyList<ChatMessage>> ReadRangeAsync(
        ConversationId conversation, long fromSequence, long toSequence, int maxCount, bool newest, CancellationToken cancellationToken = default);

    /// <summary>The forks of the conversation (messages that do not follow the one numbered before them), oldest first.</summary>
    Task<IReadOnlyList<(long Sequence, long Parent)>> ReadForksAsync(ConversationId conversation, CancellationToken cancellationToken = default);

    /// <summary>Deletes every message of the conversation.</summary>
    Task DeleteAsync(ConversationId conversation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Conversations holding a user message written between <paramref name="since"/> and
    /// <paramref name="until"/> that no reply answers yet: replies a crashed silo left owed.
    /// </summary>
    Task<IReadOnlyList<ConversationId>> FindUnansweredAsync(DateTimeOffset since, DateTimeOffset until, int maxCount, CancellationToken cancellationToken = default);
}
