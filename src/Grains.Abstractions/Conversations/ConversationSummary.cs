namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>A conversation as a user's list shows it.</summary>
[GenerateSerializer, Immutable, Alias("ConversationSummary")]
public sealed record ConversationSummary(
    [property: Id(0)] ConversationId Id,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset UpdatedAt);
