using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ChatbotOrleans.Frontend.Auth;

/// <summary><c>POST /signout</c>: clears the auth cookie. Posted by a form carrying the antiforgery token.</summary>
internal static class SignOutEndpoint
{
    public const string Path = "/signout";

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
        return endpoints;
    }
}
