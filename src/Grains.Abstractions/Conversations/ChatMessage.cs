namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>One durable message of a conversation.</summary>
/// <param name="Id">The message id; for a user message, the one its client made.</param>
/// <param name="Sequence">Its place in the conversation: 1, 2, 3… with no gaps.</param>
/// <param name="Role">Who wrote it.</param>
/// <param name="Text">What was written (for a failed reply, what had arrived before it failed).</param>
/// <param name="CreatedAt">When it became durable.</param>
/// <param name="ReplyTo">For a bot message, the user message it answers.</param>
/// <param name="Status">How a bot message ended.</param>
/// <param name="Model">For a bot message, the model that wrote it (for example "offline").</param>
/// <param name="Error">For a failed reply, a reason the page can show.</param>
/// <param name="Usage">For a bot message, the tokens it cost (none for replies stored before usage was counted).</param>
[GenerateSerializer, Immutable, Alias("ChatMessage")]
public sealed record ChatMessage(
    [property: Id(0)] MessageId Id,
    [property: Id(1)] long Sequence,
    [property: Id(2)] ChatRole Role,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] MessageId? ReplyTo = null,
    [property: Id(6)] ReplyStatus Status = ReplyStatus.Complete,
    [property: Id(7)] string? Model = null,
    [property: Id(8)] string? Error = null,
    [property: Id(9)] TokenUsage? Usage = null);
