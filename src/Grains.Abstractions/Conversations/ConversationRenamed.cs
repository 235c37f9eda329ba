namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>The conversation got a new title.</summary>
[GenerateSerializer, Immutable, Alias("ConversationRenamed")]
public sealed record ConversationRenamed(ConversationId ConversationId, [property: Id(0)] string Title)
    : ConversationEvent(ConversationId);
