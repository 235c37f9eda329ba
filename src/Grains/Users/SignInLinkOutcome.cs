using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Users;

/// <summary>The user a link signs in, or why it does not.</summary>
[GenerateSerializer, Immutable, Alias("SignInLinkOutcome")]
public sealed record SignInLinkOutcome(
    [property: Id(0)] UserId? User,
    [property: Id(1)] string? Error);
