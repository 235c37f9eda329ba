using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ChatbotOrleans.Frontend.Auth;

/// <summary>
/// <c>POST /signout</c> clears this browser's auth cookie; <c>POST /signout/everywhere</c> ends every session of
/// the user, on every device. Posted by forms carrying the antiforgery token.
/// </summary>
internal static class SignOutEndpoint
{
    public const string Path = "/signout";

    public const string EverywherePath = "/signout/everywhere";

    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder endpoints)
    {
        // No form parameters are bound, so the antiforgery middleware would not reject a bad token by itself.
        endpoints.MapPost(Path, async (HttpContext httpContext, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(httpContext))
            {
                return Results.BadRequest();
            }

            await httpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/signin");
        });
        endpoints.MapPost(EverywherePath, async (HttpContext httpContext, IAntiforgery antiforgery, IClusterClient client) =>
        {
            if (!await antiforgery.IsRequestValidAsync(httpContext))
            {
                return Results.BadRequest();
            }

            if (UserClaims.TryGetUserId(httpContext.User, out var user))
            {
                await client.GetGrain<IUserGrain>(user.Value).SignOutEverywhereAsync();
            }

            await httpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/signin");
        }).RequireAuthorization();
        return endpoints;
    }
}
