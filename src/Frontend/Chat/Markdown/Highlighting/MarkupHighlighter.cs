namespace ChatbotOrleans.Frontend.Chat.Markdown.Highlighting;

/// <summary>HTML and XML: comments, tag names, attribute names and quoted values; text between tags stays plain.</summary>
internal static class MarkupHighlighter
{
    public static List<Token> Tokenize(string code)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < code.Length)
        {
            if (code.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                var close = code.IndexOf("-->", i + 4, StringComparison.Ordinal);
                var end = close < 0 ? code.Length : close + 3;
                tokens.Add(new Token(TokenKind.Comment, i, end - i));
                i = end;
            }
            else if (code[i] == '<' && i + 1 < code.Length && (char.IsLetter(code[i + 1]) || code[i + 1] is '/' or '?' or '!'))
            {
                i = Tag(code, i, tokens);
            }
            else
            {
                i++;
            }
        }

        return tokens;
    }

    // From '<' to the tag's '>' (or the end of the text while a reply is still streaming).
    private static int Tag(string code, int start, List<Token> tokens)
    {
        var i = start + 1;
        while (i < code.Length && code[i] is '/' or '?' or '!')
        {
            i++;
        }

        var nameEnd = NameEnd(code, i);
        tokens.Add(new Token(TokenKind.Tag, start, nameEnd - start));
        i = nameEnd;
        while (i < code.Length && code[i] != '>' && code[i] != '<')
        {
            var c = code[i];
            if (c is '"' or '\'')
            {
                var close = code.IndexOf(c, i + 1);
                var end = close < 0 ? code.Length : close + 1;
                tokens.Add(new Token(TokenKind.String, i, end - i));
                i = end;
            }
            else if (IsNameChar(c))
            {
                var end = NameEnd(code, i);
                tokens.Add(new Token(TokenKind.Attribute, i, end - i));
                i = end;
            }
            else
            {
                i++;
            }
        }

        if (i < code.Length && code[i] == '>')
        {
            tokens.Add(new Token(TokenKind.Tag, i, 1));
            i++;
        }

        return i;
    }

    private static int NameEnd(string code, int from)
    {
        var end = from;
        while (end < code.Length && IsNameChar(code[end]))
        {
            end++;
        }

        return end;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or ':' or '.';
}
