namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>The conversation started, or a sentence saying why not (and how long to wait, when waiting helps).</summary>
[GenerateSerializer, Immutable, Alias("StartConversationResult")]
public sealed record StartConversationResult(
    [property: Id(0)] ConversationSummary? Conversation,
    [property: Id(1)] string? Error);
