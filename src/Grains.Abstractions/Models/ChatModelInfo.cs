namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>A model the operator offers, as a page may show it: never its endpoint or key.</summary>
/// <param name="Id">What a conversation stores and each reply records.</param>
/// <param name="DisplayName">What the picker and the replies show.</param>
/// <param name="IsDefault">Whether conversations that chose none (or a removed one) use it.</param>
/// <param name="IsOffline">Whether it is the offline stand-in bot.</param>
[GenerateSerializer, Immutable, Alias("ChatModelInfo")]
public sealed record ChatModelInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] bool IsDefault,
    [property: Id(3)] bool IsOffline = false);
