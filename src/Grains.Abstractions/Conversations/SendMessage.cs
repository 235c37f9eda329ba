namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>A user's message as the page sends it.</summary>
/// <param name="Id">Made by the page; sending the same id again never adds a second message.</param>
/// <param name="Text">What the user typed.</param>
[GenerateSerializer, Immutable, Alias("SendMessage")]
public sealed record SendMessage(
    [property: Id(0)] MessageId Id,
    [property: Id(1)] string Text);
