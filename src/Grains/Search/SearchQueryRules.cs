using System.Globalization;

namespace ChatbotOrleans.Grains.Search;

/// <summary>
/// What a search box may send. The database reads any text safely (websearch_to_tsquery never fails on
/// syntax), so the rules are about answering in words instead of finding nothing for no visible reason.
/// </summary>
public static class SearchQueryRules
{
    public const int MaxLength = 200;

    /// <summary>Why <paramref name="query"/> cannot be searched, or <c>null</c> when it can.</summary>
    public static string? Refusal(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return "Type a word to search for.";
        }

        if (query.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"A search can be at most {MaxLength} characters long; this one has {query.Length:N0}. Search for a few of its words.");
        }

        if (query.Any(c => c == '\0' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))))
        {
            return "The search holds control characters; type only words to search for.";
        }

        // The 'simple' configuration indexes runs of letters and digits; punctuation alone (quotes, &|!) is no word.
        if (!query.Any(char.IsLetterOrDigit))
        {
            return "The search holds no words, only punctuation. Type a word to search for.";
        }

        return null;
    }
}
