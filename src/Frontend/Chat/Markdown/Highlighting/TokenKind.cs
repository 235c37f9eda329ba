namespace ChatbotOrleans.Frontend.Chat.Markdown.Highlighting;

/// <summary>What a highlighted stretch of code is; each kind has one colour in MarkdownView.razor.css.</summary>
internal enum TokenKind
{
    Comment,
    String,
    Number,
    Keyword,
    Literal,
    Type,
    Function,
    Variable,
    Tag,
    Attribute,
}
