namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>
/// The user's list of conversations changed (started, renamed, deleted, or reordered by activity); it
/// carries the whole new list, newest first, so every open page shows the same one.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConversationListChanged")]
public sealed record ConversationListChanged(
    [property: Id(0)] UserId User,
    [property: Id(1)] IReadOnlyList<ConversationSummary> Conversations);
