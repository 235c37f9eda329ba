namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>The bot reply being written now, as far as it has come.</summary>
/// <param name="ReplyTo">The user message it answers.</param>
/// <param name="Text">The text streamed so far; later <see cref="ReplyDelta"/>s continue at its length.</param>
/// <param name="Model">The model writing it.</param>
[GenerateSerializer, Immutable, Alias("ReplyInProgress")]
public sealed record ReplyInProgress(
    [property: Id(0)] MessageId ReplyTo,
    [property: Id(1)] string Text,
    [property: Id(2)] string Model);
