using Orleans.Concurrency;

namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>
/// One conversation between its owner and the bot. Every call names the caller; the grain refuses
/// anyone but the owner, so no page or route can reach another user's conversation.
/// </summary>
[Alias("IConversationGrain")]
public interface IConversationGrain : IGrainWithGuidKey
{
    /// <summary>The newest messages, the reply in progress and the sequence to continue from.</summary>
    /// <returns>The snapshot, or <c>null</c> when the conversation does not exist or is not the caller's.</returns>
    [AlwaysInterleave]
    Task<ConversationSnapshot?> GetSnapshotAsync(UserId caller);

    /// <summary>Older messages, newest last, each with a sequence below <paramref name="beforeSequence"/>.</summary>
    Task<IReadOnlyList<ChatMessage>> GetHistoryAsync(UserId caller, long beforeSequence, int maxCount);

    /// <summary>
    /// Stores the user's message and queues the bot's reply, then returns without waiting for it.
    /// Idempotent on the message id.
    /// </summary>
    Task<SendResult> SendAsync(UserId caller, SendMessage message);

    /// <summary>Asks again for a reply to a user message whose reply failed.</summary>
    Task<SendResult> RetryReplyAsync(UserId caller, MessageId userMessage);
}
