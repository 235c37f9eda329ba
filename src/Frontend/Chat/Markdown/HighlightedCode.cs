using ChatbotOrleans.Frontend.Chat.Markdown.Highlighting;
using Markdig.Renderers;

namespace ChatbotOrleans.Frontend.Chat.Markdown;

/// <summary>Writes code as escaped text with a span per token; the class names are the CSS contract.</summary>
internal static class HighlightedCode
{
    public static void Write(HtmlRenderer renderer, string code, CodeLanguage? language)
    {
        if (language is null)
        {
            renderer.WriteEscape(code);
            return;
        }

        var written = 0;
        foreach (var token in CodeHighlighter.Tokenize(code, language))
        {
            renderer.WriteEscape(code.AsSpan(written, token.Start - written), false);
            renderer.Write("<span class=\"").Write(ClassOf(token.Kind)).Write("\">");
            renderer.WriteEscape(code.AsSpan(token.Start, token.Length), false);
            renderer.Write("</span>");
            written = token.End;
        }

        renderer.WriteEscape(code.AsSpan(written), false);
    }

    public static string ClassOf(TokenKind kind) => kind switch
    {
        TokenKind.Comment => "tok-comment",
        TokenKind.String => "tok-string",
        TokenKind.Number => "tok-number",
        TokenKind.Keyword => "tok-keyword",
        TokenKind.Literal => "tok-literal",
        TokenKind.Type => "tok-type",
        TokenKind.Function => "tok-function",
        TokenKind.Variable => "tok-variable",
        TokenKind.Tag => "tok-tag",
        TokenKind.Attribute => "tok-attribute",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
