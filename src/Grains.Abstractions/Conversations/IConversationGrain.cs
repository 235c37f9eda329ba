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

    /// <summary>Older messages of the current path, newest last, each with a sequence below <paramref name="beforeSequence"/>.</summary>
    Task<IReadOnlyList<ChatMessage>> GetHistoryAsync(UserId caller, long beforeSequence, int maxCount);

    /// <summary>
    /// Newer messages of the current path, oldest first, each with a sequence above <paramref name="afterSequence"/>: a page opened
    /// at an old message (a search hit) reads on towards the newest with it.
    /// </summary>
    /// <returns>The messages, or none when the conversation does not exist or is not the caller's.</returns>
    Task<IReadOnlyList<ChatMessage>> GetHistoryAfterAsync(UserId caller, long afterSequence, int maxCount);

    /// <summary>
    /// Every message of the log, all versions, oldest first, each with a sequence above <paramref name="afterSequence"/>
    /// and its <see cref="ChatMessage.Versions"/> saying whether it is on the current path: the archive an export holds.
    /// </summary>
    Task<IReadOnlyList<ChatMessage>> GetArchiveAsync(UserId caller, long afterSequence, int maxCount);

    /// <summary>
    /// Stores the user's message and queues the bot's reply, then returns without waiting for it.
    /// Idempotent on the message id.
    /// </summary>
    /// <param name="caller">The signed-in user; anyone else is answered <see cref="ChangeOutcome.NotFound"/>.</param>
    /// <param name="message">The message, with the id that makes sending it again harmless.</param>
    /// <param name="cancellationToken">
    /// Lets the caller stop waiting: a call left with a silo that died is never answered, so the page gives up after a
    /// few seconds and sends the same message again. The grain does not observe it: a send it began, it finishes.
    /// </param>
    Task<ChangeResult> SendAsync(UserId caller, SendMessage message, CancellationToken cancellationToken = default);

    /// <summary>Asks again for a reply to a user message whose reply failed or was stopped.</summary>
    Task<ChangeResult> RetryReplyAsync(UserId caller, MessageId userMessage);

    /// <summary>
    /// Writes a new version of the reply to the newest user message; the previous one stays as an earlier
    /// version. Refused while a reply is being written.
    /// </summary>
    Task<ChangeResult> RegenerateAsync(UserId caller);

    /// <summary>
    /// Stores a new version of a user message and queues the reply to it; the earlier version and the messages
    /// after it stay, off the current path. Refused while a reply is being written. Idempotent on the new id.
    /// </summary>
    /// <remarks>The caller may stop waiting (<paramref name="cancellationToken"/>) as for <see cref="SendAsync"/>.</remarks>
    Task<ChangeResult> EditAsync(UserId caller, EditMessage edit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts the message numbered <paramref name="sequence"/> on the current path (a version chosen with ‹ ›, or a
    /// search hit): the branch below it follows, its newest message last. Refused while a reply is being written.
    /// </summary>
    Task<ChangeResult> SelectVersionAsync(UserId caller, long sequence);

    /// <summary>
    /// Stops the reply being written: the model request is cancelled (no more tokens are billed) and what
    /// had arrived is stored as a reply marked <see cref="ReplyStatus.Stopped"/>. Succeeds when nothing was
    /// being written.
    /// </summary>
    Task<ChangeResult> StopReplyAsync(UserId caller);

    /// <summary>Gives the conversation a title of the user's choosing.</summary>
    Task<ChangeResult> RenameAsync(UserId caller, string title);

    /// <summary>
    /// Chooses the model and the instructions of the next replies. Refused, changing nothing, for a model the
    /// operator does not offer or instructions over the limit.
    /// </summary>
    Task<ChangeResult> ConfigureAsync(UserId caller, ConversationSetup setup);

    /// <summary>Deletes the conversation and all its messages for good.</summary>
    Task<ChangeResult> DeleteAsync(UserId caller);
}
