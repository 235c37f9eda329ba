namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>Who a user is.</summary>
[GenerateSerializer, Immutable, Alias("UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] UserId Id,
    [property: Id(1)] string Email,
    [property: Id(2)] DateTimeOffset CreatedAt);
