namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>A conversation's setup as the page shows it.</summary>
/// <param name="ModelId">The model that writes the next reply (the default when the chosen one was removed).</param>
/// <param name="Instructions">The conversation's system prompt; empty for none.</param>
/// <param name="Note">A sentence for the page when the chosen model is no longer offered.</param>
[GenerateSerializer, Immutable, Alias("ConversationSettings")]
public sealed record ConversationSettings(
    [property: Id(0)] string ModelId,
    [property: Id(1)] string Instructions,
    [property: Id(2)] string? Note = null);
