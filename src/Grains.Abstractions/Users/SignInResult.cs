namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>The user signed in, or a sentence saying why not.</summary>
[GenerateSerializer, Immutable, Alias("SignInResult")]
public sealed record SignInResult(
    [property: Id(0)] UserProfile? User,
    [property: Id(1)] string? Error)
{
    public bool Succeeded => User is not null;
}
