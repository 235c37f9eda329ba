namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>What one of the user's replies cost, in an <see cref="AccountExport"/>.</summary>
/// <param name="At">When the reply was stored.</param>
/// <param name="Conversation">Its chat; <c>null</c> once that chat was deleted (its usage stays, unlinked).</param>
/// <param name="Reply">The reply's message id.</param>
/// <param name="Model">The id of the model that wrote it.</param>
/// <param name="Usage">Its input and output tokens, and whether they were estimated.</param>
/// <param name="Cost">At the operator's current prices; <c>null</c> when the model has none.</param>
[GenerateSerializer, Immutable, Alias("ExportedUsage")]
public sealed record ExportedUsage(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] ConversationId? Conversation,
    [property: Id(2)] MessageId Reply,
    [property: Id(3)] string Model,
    [property: Id(4)] TokenUsage Usage,
    [property: Id(5)] decimal? Cost);
