namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>A new version of a user message the page sends.</summary>
/// <param name="Original">The message edited (any of its versions).</param>
/// <param name="Id">The new version's id, made by the page; sending the same id again never adds a second version.</param>
/// <param name="Text">The new text.</param>
/// <param name="OriginalSequence">The sequence of <paramref name="Original"/>, so a message older than those the conversation holds is read from its log.</param>
[GenerateSerializer, Immutable, Alias("EditMessage")]
public sealed record EditMessage(
    [property: Id(0)] MessageId Original,
    [property: Id(1)] MessageId Id,
    [property: Id(2)] string Text,
    [property: Id(3)] long OriginalSequence = 0);
