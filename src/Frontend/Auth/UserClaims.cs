using System.Security.Claims;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ChatbotOrleans.Frontend.Auth;

/// <summary>The claims the auth cookie carries: the user's id (Guid "N") and email.</summary>
internal static class UserClaims
{
    public static ClaimsPrincipal CreatePrincipal(UserProfile user)
    {
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.Value.ToString("N")),
            new(ClaimTypes.Email, user.Email),
        ];
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Email, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    public static bool TryGetUserId(ClaimsPrincipal principal, out UserId userId) =>
        UserId.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out userId);
}
