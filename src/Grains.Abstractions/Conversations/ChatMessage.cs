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
/// <param name="Parent">
/// The message before it on its path, when that is not the one numbered just before it: set on an edit, a
/// regenerated reply and the first message after switching versions (null otherwise, and on every older row).
/// </param>
/// <param name="Versions">
/// Where it stands among its versions, filled in when the conversation is read (never stored); null for a
/// message with one version on the current path.
/// </param>
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
    [property: Id(9)] TokenUsage? Usage = null,
    [property: Id(10)] long? Parent = null,
    [property: Id(11)] MessageVersions? Versions = null)
{
    /// <summary>The sequence of the message before it on its path (0 for the first).</summary>
    public long ParentSequence => Parent ?? Sequence - 1;
}
