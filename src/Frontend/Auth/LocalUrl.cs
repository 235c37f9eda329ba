namespace ChatbotOrleans.Frontend.Auth;

/// <summary>Guards redirects after sign-in against open redirects.</summary>
internal static class LocalUrl
{
    /// <summary>
    /// Whether <paramref name="url"/> is a path on this site ("/c/…"), not a scheme-relative
    /// ("//evil") or backslash ("/\evil") address that browsers send elsewhere.
    /// </summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/')
        {
            return false;
        }

        if (url.Length == 1)
        {
            return true;
        }

        return url[1] is not ('/' or '\\') && !url.Any(char.IsControl);
    }

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
