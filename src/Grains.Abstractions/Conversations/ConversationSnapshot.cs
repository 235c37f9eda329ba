namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>What a page loads before it applies stream events newer than <see cref="Sequence"/>.</summary>
/// <param name="Id">The conversation.</param>
/// <param name="Title">Its title.</param>
/// <param name="Sequence">The sequence of the newest durable message (0 when empty).</param>
/// <param name="Messages">The newest durable messages, oldest first.</param>
/// <param name="HasOlder">Whether older messages exist than the first of <see cref="Messages"/>.</param>
/// <param name="InProgress">The reply being streamed now, if any.</param>
/// <param name="QueuedReplies">User messages still waiting for a reply, including the one in progress.</param>
/// <param name="Settings">The model and instructions of the next reply.</param>
[GenerateSerializer, Immutable, Alias("ConversationSnapshot")]
public sealed record ConversationSnapshot(
    [property: Id(0)] ConversationId Id,
    [property: Id(1)] string Title,
    [property: Id(2)] long Sequence,
    [property: Id(3)] IReadOnlyList<ChatMessage> Messages,
    [property: Id(4)] bool HasOlder,
    [property: Id(5)] ReplyInProgress? InProgress,
    [property: Id(6)] int QueuedReplies,
    [property: Id(7)] ConversationSettings? Settings = null);
