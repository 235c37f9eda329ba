using System.Collections.Frozen;

namespace ChatbotOrleans.Frontend.Chat.Markdown.Highlighting;

/// <summary>
/// The lexical rules of one language, as much as a colouring scanner needs: words, comments, quotes.
/// Deliberately shallow (no grammar), so scanning stays one linear pass whatever the model writes.
/// </summary>
internal sealed record CodeLanguage
{
    /// <summary>Lower-case name used in the CSS class (<c>language-…</c>) and shown above the block.</summary>
    public required string Name { get; init; }

    public FrozenSet<string> Keywords { get; init; } = FrozenSet<string>.Empty;

    public FrozenSet<string> Literals { get; init; } = FrozenSet<string>.Empty;

    public IReadOnlyList<string> LineComments { get; init; } = [];

    public (string Open, string Close)? BlockComment { get; init; }

    /// <summary>Characters that open a string which ends at the same character or at the end of the line.</summary>
    public string Quotes { get; init; } = "\"'";

    /// <summary>Characters that open a string which may span lines (JavaScript template literals, Go raw strings).</summary>
    public string MultilineQuotes { get; init; } = string.Empty;

    /// <summary>Python's <c>"""</c> and <c>'''</c> strings.</summary>
    public bool TripleQuotes { get; init; }

    /// <summary>Marks a variable, as <c>$</c> does in shells and PowerShell.</summary>
    public char? VariablePrefix { get; init; }

    /// <summary>In C-like languages a capitalised identifier is almost always a type.</summary>
    public bool CapitalizedTypes { get; init; }

    /// <summary>HTML and XML: tags and attributes instead of words.</summary>
    public bool IsMarkup { get; init; }

    /// <summary>A set of words from one whitespace-separated string, so the catalogue reads like a keyword table.</summary>
    public static FrozenSet<string> Words(string words, bool ignoreCase = false) =>
        words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .ToFrozenSet(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
}
