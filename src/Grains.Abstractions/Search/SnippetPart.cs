namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>A run of a snippet's text, marked when it is a matched word; the page renders it encoded.</summary>
[GenerateSerializer, Immutable, Alias("SnippetPart")]
public sealed record SnippetPart(
    [property: Id(0)] string Text,
    [property: Id(1)] bool Marked);
