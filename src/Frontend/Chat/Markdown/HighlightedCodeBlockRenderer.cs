using System.Text;
using ChatbotOrleans.Frontend.Chat.Markdown.Highlighting;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ChatbotOrleans.Frontend.Chat.Markdown;

/// <summary>
/// A code block with its language, a copy button (wired by MarkdownView.razor.js through one delegated
/// handler, since markup rendered from a string carries no Blazor events) and colours from
/// <see cref="CodeHighlighter"/>. An unclosed fence, as in a reply still streaming, is a block up to the end.
/// </summary>
internal sealed class HighlightedCodeBlockRenderer : HtmlObjectRenderer<CodeBlock>
{
    private const int MaxLabelLength = 24;

    protected override void Write(HtmlRenderer renderer, CodeBlock block)
    {
        var info = (block as FencedCodeBlock)?.Info;
        var language = CodeLanguages.Find(info);
        var label = language?.Name ?? Label(info);
        var code = Text(block);

        renderer.EnsureLine();
        renderer.Write("<div class=\"code-block\"><div class=\"code-toolbar\">");
        if (label is not null)
        {
            renderer.Write("<span class=\"code-language\">").WriteEscape(label).Write("</span>");
        }

        renderer.Write("<button type=\"button\" class=\"code-copy\">Copy code</button>");
        renderer.Write("<span class=\"code-status visually-hidden\" role=\"status\"></span></div>");
        renderer.Write("<pre tabindex=\"0\"><code");
        if (label is not null)
        {
            renderer.Write(" class=\"language-").WriteEscape(label).Write('"');
        }

        renderer.Write('>');
        HighlightedCode.Write(renderer, code, language);
        renderer.Write("</code></pre></div>").WriteLine();
    }

    private static string Text(CodeBlock block)
    {
        var lines = block.Lines;
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            text.Append(lines.Lines[i].Slice.AsSpan());
        }

        return text.ToString();
    }

    // An unknown fence name is still shown (it helps the reader), reduced to characters a name needs so it
    // is harmless in the class attribute too.
    private static string? Label(string? info)
    {
        if (string.IsNullOrEmpty(info))
        {
            return null;
        }

        var label = new StringBuilder();
        foreach (var c in info)
        {
            if (label.Length == MaxLabelLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '-' or '_' or '.')
            {
                label.Append(char.ToLowerInvariant(c));
            }
        }

        return label.Length > 0 ? label.ToString() : null;
    }
}
