using System.Net.Mail;

namespace ChatbotOrleans.Grains.Users;

/// <summary>Decides whether a typed email address is acceptable, and its one normalised form.</summary>
public static class EmailAddressRules
{
    public const int MaxLength = 254;

    /// <summary>Returns the address in lower case, or an error sentence for the page.</summary>
    public static (string? Address, string? Error) Normalize(string? typed)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (null, "Enter your email address.");
        }

        if (text.Length > MaxLength)
        {
            return (null, $"That address is too long: an email address has at most {MaxLength} characters.");
        }

        const string notAnAddress = "That is not an email address. Check it and try again (for example ana@example.com).";
        if (text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>' or '"' or '(' or ')' or ',' or ';' or '\\'))
        {
            return (null, notAnAddress);
        }

        if (!MailAddress.TryCreate(text, out var parsed) || parsed.Address != text || !string.IsNullOrEmpty(parsed.DisplayName))
        {
            return (null, notAnAddress);
        }

        var at = text.LastIndexOf('@');
        var local = text[..at];
        var domain = text[(at + 1)..];
        if (local.Length > 64 || !domain.Contains('.', StringComparison.Ordinal) || HasMisplacedDot(local) || HasMisplacedDot(domain))
        {
            return (null, notAnAddress);
        }

        return (text.ToLowerInvariant(), null);
    }

    private static bool HasMisplacedDot(string part) =>
        part.Length == 0 || part.StartsWith('.') || part.EndsWith('.') || part.Contains("..", StringComparison.Ordinal);
}
