namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>The conversation's model or instructions changed; pages showing it show <paramref name="Settings"/>.</summary>
[GenerateSerializer, Immutable, Alias("SettingsChanged")]
public sealed record SettingsChanged(ConversationId ConversationId, [property: Id(0)] ConversationSettings Settings)
    : ConversationEvent(ConversationId);
