namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>
/// The user signed in; or a one-time sign-in link was emailed (<see cref="LinkSent"/>, for an address
/// that already has an account); or a sentence saying why not.
/// </summary>
[GenerateSerializer, Immutable, Alias("SignInResult")]
public sealed record SignInResult(
    [property: Id(0)] UserProfile? User,
    [property: Id(1)] string? Error,
    [property: Id(2)] bool LinkSent = false)
{
    public bool Succeeded => User is not null;
}
