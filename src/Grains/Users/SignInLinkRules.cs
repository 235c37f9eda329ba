namespace ChatbotOrleans.Grains.Users;

/// <summary>The rules of sign-in links: how many an address may get, and when one can be redeemed.</summary>
public static class SignInLinkRules
{
    public const string RateLimited =
        "Too many sign-in links were sent to this address in the last hour. Use the newest one in your inbox, or try again later.";

    public const string Unknown = "This sign-in link is not valid. Sign in with your email address to get a new one.";

    public const string Used = "This sign-in link was already used; each link works once. Sign in with your email address to get a new one.";

    public const string Expired = "This sign-in link has expired. Sign in with your email address to get a new one.";

    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Drops send times older than the window; true when one more link may be sent now.</summary>
    public static bool TryAllowAnother(List<DateTimeOffset> sentAt, DateTimeOffset now, int maxPerHour)
    {
        sentAt.RemoveAll(t => now - t >= Window);
        return sentAt.Count < maxPerHour;
    }

    /// <summary>Why a link cannot be redeemed now, or <c>null</c> when it can.</summary>
    public static string? RefusalFor(SignInLinkState link, DateTimeOffset now) => link switch
    {
        { UserId: var user } when user == Guid.Empty => Unknown,
        { UsedAt: not null } => Used,
        { ExpiresAt: var expires } when now >= expires => Expired,
        _ => null,
    };
}
