namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>A conversation as a user's list shows it.</summary>
/// <param name="Id">The conversation.</param>
/// <param name="Title">Its title: from its first message, or as the user renamed it.</param>
/// <param name="UpdatedAt">When its last message arrived (the list is ordered by it, newest first).</param>
/// <param name="IsEmpty">Whether no message was sent yet (a new chat reuses it rather than starting another).</param>
[GenerateSerializer, Immutable, Alias("ConversationSummary")]
public sealed record ConversationSummary(
    [property: Id(0)] ConversationId Id,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset UpdatedAt,
    [property: Id(3)] bool IsEmpty = false);
