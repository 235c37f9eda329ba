namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>One conversation in an <see cref="AccountExport"/>: its summary and all its messages, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("ExportedConversation")]
public sealed record ExportedConversation(
    [property: Id(0)] ConversationSummary Summary,
    [property: Id(1)] IReadOnlyList<ChatMessage> Messages);
