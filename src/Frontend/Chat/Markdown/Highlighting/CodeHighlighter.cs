namespace ChatbotOrleans.Frontend.Chat.Markdown.Highlighting;

/// <summary>
/// Splits code into coloured tokens in one left-to-right pass with no regular expressions, so its cost is
/// linear in the text whatever a model (or someone steering it) writes, and an unfinished block, as a
/// streaming reply has, simply ends its last token at the end of the text.
/// </summary>
internal static class CodeHighlighter
{
    public static List<Token> Tokenize(string code, CodeLanguage language)
    {
        if (language.IsMarkup)
        {
            return MarkupHighlighter.Tokenize(code);
        }

        var tokens = new List<Token>();
        var i = 0;
        while (i < code.Length)
        {
            var (kind, end) = Next(code, i, language);
            if (kind is { } found)
            {
                tokens.Add(new Token(found, i, end - i));
            }

            i = end;
        }

        return tokens;
    }

    private static (TokenKind? Kind, int End) Next(string code, int i, CodeLanguage language)
    {
        var c = code[i];
        if (language.BlockComment is var (open, close) && code.AsSpan(i).StartsWith(open, StringComparison.Ordinal))
        {
            return (TokenKind.Comment, EndOf(code, close, i + open.Length));
        }

        foreach (var prefix in language.LineComments)
        {
            if (code.AsSpan(i).StartsWith(prefix, StringComparison.Ordinal))
            {
                return (TokenKind.Comment, LineEnd(code, i));
            }
        }

        if (language.TripleQuotes && (c is '"' or '\''))
        {
            var triple = c == '"' ? "\"\"\"" : "'''";
            if (code.AsSpan(i).StartsWith(triple, StringComparison.Ordinal))
            {
                return (TokenKind.String, EndOf(code, triple, i + 3));
            }
        }

        if (language.Quotes.Contains(c, StringComparison.Ordinal) || language.MultilineQuotes.Contains(c, StringComparison.Ordinal))
        {
            return (TokenKind.String, StringEnd(code, i, multiline: language.MultilineQuotes.Contains(c, StringComparison.Ordinal)));
        }

        if (IsNumberStart(code, i))
        {
            var end = i + 1;
            while (end < code.Length && (IsWordChar(code[end]) || (code[end] == '.' && end + 1 < code.Length && char.IsAsciiDigit(code[end + 1]))))
            {
                end++;
            }

            return (TokenKind.Number, end);
        }

        if (c == language.VariablePrefix && i + 1 < code.Length && (IsWordStart(code[i + 1]) || code[i + 1] == '{'))
        {
            return (TokenKind.Variable, code[i + 1] == '{' ? BracedEnd(code, i + 2) : WordEnd(code, i + 1));
        }

        if (IsWordStart(c))
        {
            var end = WordEnd(code, i);
            return (Classify(code, i, end, language), end);
        }

        return (null, i + 1);
    }

    private static TokenKind? Classify(string code, int start, int end, CodeLanguage language)
    {
        var word = code[start..end];
        if (language.Keywords.Contains(word))
        {
            return TokenKind.Keyword;
        }

        if (language.Literals.Contains(word))
        {
            return TokenKind.Literal;
        }

        var next = end;
        while (next < code.Length && code[next] is ' ' or '\t')
        {
            next++;
        }

        if (next < code.Length && code[next] == '(')
        {
            return TokenKind.Function;
        }

        return language.CapitalizedTypes && char.IsUpper(code[start]) ? TokenKind.Type : null;
    }

    // A string ends at its closing quote, or (unless the language lets it span lines) at the line's end,
    // so one stray apostrophe colours one line rather than the rest of the block.
    private static int StringEnd(string code, int start, bool multiline)
    {
        var quote = code[start];
        var i = start + 1;
        while (i < code.Length)
        {
            var c = code[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == quote)
            {
                return i + 1;
            }

            if (c == '\n' && !multiline)
            {
                return i;
            }

            i++;
        }

        return code.Length;
    }

    private static bool IsNumberStart(string code, int i)
    {
        var c = code[i];
        var startsNumber = char.IsAsciiDigit(c) || (c == '.' && i + 1 < code.Length && char.IsAsciiDigit(code[i + 1]));
        return startsNumber && (i == 0 || !IsWordChar(code[i - 1]));
    }

    private static int EndOf(string code, string close, int from)
    {
        var at = code.IndexOf(close, Math.Min(from, code.Length), StringComparison.Ordinal);
        return at < 0 ? code.Length : at + close.Length;
    }

    // ${name} ends at its brace or, unclosed, at the line's end; searching no further keeps the scan linear.
    private static int BracedEnd(string code, int from)
    {
        var lineEnd = LineEnd(code, from);
        var brace = code.IndexOf('}', from, lineEnd - from);
        return brace < 0 ? lineEnd : brace + 1;
    }

    private static int LineEnd(string code, int from)
    {
        var at = code.IndexOf('\n', from);
        return at < 0 ? code.Length : at;
    }

    private static int WordEnd(string code, int from)
    {
        var end = from;
        while (end < code.Length && IsWordChar(code[end]))
        {
            end++;
        }

        return end;
    }

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
