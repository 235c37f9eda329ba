namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>One conversation in an <see cref="AccountExport"/>: its summary, all its messages (oldest first) and its model and instructions.</summary>
[GenerateSerializer, Immutable, Alias("ExportedConversation")]
public sealed record ExportedConversation(
    [property: Id(0)] ConversationSummary Summary,
    [property: Id(1)] IReadOnlyList<ChatMessage> Messages,
    [property: Id(2)] ConversationSettings? Settings = null);
