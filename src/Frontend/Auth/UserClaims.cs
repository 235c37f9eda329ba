using System.Security.Claims;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ChatbotOrleans.Frontend.Auth;

/// <summary>The claims the auth cookie carries: the user's id (Guid "N"), email and session stamp.</summary>
internal static class UserClaims
{
    /// <summary>The user's session stamp when the session began; a session whose stamp is no longer the user's has ended.</summary>
    public const string SessionStamp = "chatbot:session";

    public static ClaimsPrincipal CreatePrincipal(UserProfile user)
    {
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.Value.ToString("N")),
            new(ClaimTypes.Email, user.Email),
            new(SessionStamp, user.SessionStamp.ToString("N")),
        ];
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Email, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    public static bool TryGetUserId(ClaimsPrincipal principal, out UserId userId) =>
        UserId.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out userId);

    /// <summary>
    /// Whether the session still belongs to <paramref name="user"/>: the same stamp. A cookie from before sessions
    /// carried one counts as the empty stamp, which lasts until the user's first proof or "sign out everywhere".
    /// </summary>
    public static bool IsCurrent(ClaimsPrincipal principal, UserProfile? user) =>
        user is not null
        && Guid.TryParse(principal.FindFirstValue(SessionStamp) ?? Guid.Empty.ToString("N"), out var stamp)
        && stamp == user.SessionStamp;
}
