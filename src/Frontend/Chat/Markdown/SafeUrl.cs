namespace ChatbotOrleans.Frontend.Chat.Markdown;

/// <summary>
/// Decides which link targets a reply may have: absolute http and https (and mailto for links), nothing
/// else. An allow-list on the parsed URL rather than a deny-list of schemes, so <c>javascript:</c>,
/// <c>data:</c>, <c>vbscript:</c>, <c>file:</c> and whatever comes next are all refused alike.
/// </summary>
internal static class SafeUrl
{
    private const int MaxLength = 2048;

    /// <summary>The normalised address for a link, or <c>null</c> when the link must show as text.</summary>
    public static string? ForLink(string? url) => Normalize(url, allowMail: true);

    /// <summary>The normalised address an image syntax may point at (web only), or <c>null</c>.</summary>
    public static string? ForImage(string? url) => Normalize(url, allowMail: false);

    private static string? Normalize(string? url, bool allowMail)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength)
        {
            return null;
        }

        // Browsers drop tabs, newlines and leading control characters from a URL, which is how
        // "java&#x09;script:" turns into a script link. Refusing every such URL means the address .NET
        // parses below is exactly the one the browser would open.
        foreach (var c in url)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return null;
            }
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var web = uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp;
        if (web && uri.Host.Length > 0)
        {
            // AbsoluteUri is percent-encoded: no quote or angle bracket survives into the attribute.
            return uri.AbsoluteUri;
        }

        return allowMail && uri.Scheme == Uri.UriSchemeMailto ? uri.AbsoluteUri : null;
    }

    /// <summary>Whether a normalised address leaves for another site (so it opens in a new tab).</summary>
    public static bool IsWeb(string href) =>
        href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal);
}
