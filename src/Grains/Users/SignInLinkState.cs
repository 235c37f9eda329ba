namespace ChatbotOrleans.Grains.Users;

/// <summary>One issued sign-in link (the token itself is not stored). Never renumber an [Id].</summary>
[GenerateSerializer, Alias("SignInLinkState")]
public sealed class SignInLinkState
{
    [Id(0)] public Guid UserId { get; set; }

    [Id(1)] public DateTimeOffset ExpiresAt { get; set; }

    [Id(2)] public DateTimeOffset? UsedAt { get; set; }
}
