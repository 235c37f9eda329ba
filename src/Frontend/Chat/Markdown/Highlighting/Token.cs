namespace ChatbotOrleans.Frontend.Chat.Markdown.Highlighting;

/// <summary>A highlighted stretch of code; the text between tokens is plain.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;
}
