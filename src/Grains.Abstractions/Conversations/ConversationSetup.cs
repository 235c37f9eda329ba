namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>How a conversation's replies are written: by which model, following which instructions.</summary>
/// <param name="ModelId">The model chosen; <c>null</c> for the operator's default.</param>
/// <param name="Instructions">The system prompt the model sees first; empty for none.</param>
[GenerateSerializer, Immutable, Alias("ConversationSetup")]
public sealed record ConversationSetup(
    [property: Id(0)] string? ModelId,
    [property: Id(1)] string Instructions);
