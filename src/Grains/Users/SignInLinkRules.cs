namespace ChatbotOrleans.Grains.Users;

/// <summary>The rules of sign-in links: when one can be redeemed, and the window of the sign-in limit.</summary>
public static class SignInLinkRules
{
    public const string Unknown = "This sign-in link is not valid. Sign in with your email address to get a new one.";

    public const string Used = "This sign-in link was already used; each link works once. Sign in with your email address to get a new one.";

    public const string Expired = "This sign-in link has expired. Sign in with your email address to get a new one.";

    /// <summary>
    /// The link to email. The token travels in the fragment, which browsers never send: it stays out of every
    /// proxy's access log and the server's request log; the link page posts it.
    /// </summary>
    public static Uri LinkFor(string publicUrl, string token) => new($"{publicUrl.TrimEnd('/')}/signin/link#token={token}");

    /// <summary>The window of the per-address sign-in limit (<see cref="SignInLinkOptions.MaxSignInsPerHour"/>).</summary>
    public static readonly TimeSpan SignInWindow = TimeSpan.FromHours(1);

    /// <summary>Why a link cannot be redeemed now, or <c>null</c> when it can.</summary>
    public static string? RefusalFor(SignInLinkState link, DateTimeOffset now) => link switch
    {
        { UserId: var user } when user == Guid.Empty => Unknown,
        { UsedAt: not null } => Used,
        { ExpiresAt: var expires } when now >= expires => Expired,
        _ => null,
    };
}
