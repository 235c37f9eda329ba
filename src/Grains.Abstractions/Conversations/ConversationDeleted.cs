namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>The conversation was deleted; pages showing it leave it.</summary>
[GenerateSerializer, Immutable, Alias("ConversationDeleted")]
public sealed record ConversationDeleted(ConversationId ConversationId) : ConversationEvent(ConversationId);
