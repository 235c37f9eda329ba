using System.Buffers.Text;
using System.Security.Cryptography;

namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>
/// The headers every response carries. The content security policy runs only our own scripts (and the import
/// map, which Blazor writes inline, by a nonce made for each response); Blazor Server needs no eval.
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceKey = "chatbot.csp-nonce";

    public static string Policy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>The nonce of this response's policy, for the inline scripts Blazor writes.</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceKey] as string;

    public static Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        // Base64url: '+' would reach the page HTML-encoded and no longer match the header byte for byte.
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy(nonce);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
