using ChatbotOrleans.Frontend.Auth;

namespace ChatbotOrleans.Frontend.Account;

/// <summary><c>GET /account/export</c>: everything stored about the signed-in user, as one zip (see <see cref="AccountArchive"/>).</summary>
internal static class AccountEndpoints
{
    public const string ExportPath = "/account/export";

    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, async (HttpContext httpContext, AccountService accounts) =>
        {
            if (!UserClaims.TryGetUserId(httpContext.User, out var user) || await accounts.ExportAsync(user) is not { } export)
            {
                return Results.NotFound();
            }

            httpContext.Response.Headers.CacheControl = "no-store";
            return Results.File(AccountArchive.Write(export), "application/zip", AccountArchive.FileName);
        }).RequireAuthorization();
        return endpoints;
    }
}
