namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>One message that matched a search.</summary>
/// <param name="Conversation">The conversation holding it.</param>
/// <param name="Title">That conversation's title.</param>
/// <param name="Sequence">The message's place in its conversation, to open it there.</param>
/// <param name="Role">Who wrote it.</param>
/// <param name="Snippet">A short excerpt around the matched words, the words marked.</param>
/// <param name="CreatedAt">When it was written.</param>
[GenerateSerializer, Immutable, Alias("SearchHit")]
public sealed record SearchHit(
    [property: Id(0)] ConversationId Conversation,
    [property: Id(1)] string Title,
    [property: Id(2)] long Sequence,
    [property: Id(3)] ChatRole Role,
    [property: Id(4)] IReadOnlyList<SnippetPart> Snippet,
    [property: Id(5)] DateTimeOffset CreatedAt);
