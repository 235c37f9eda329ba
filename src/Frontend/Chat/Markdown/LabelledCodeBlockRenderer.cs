using System.Text;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ChatbotOrleans.Frontend.Chat.Markdown;

/// <summary>
/// A code block as escaped text under a toolbar with its language and a copy button. code-copy.js wires the
/// button (one delegated handler, since markup rendered from a string carries no Blazor events) and
/// MarkdownView.razor.js colours the text with highlight.js from the <c>language-…</c> class, in the browser:
/// the server never writes markup from the code. An unclosed fence, as in a reply still streaming, is a block up
/// to the end.
/// </summary>
internal sealed class LabelledCodeBlockRenderer : HtmlObjectRenderer<CodeBlock>
{
    private const int MaxLabelLength = 24;

    protected override void Write(HtmlRenderer renderer, CodeBlock block)
    {
        var label = Label((block as FencedCodeBlock)?.Info);

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
        WriteCode(renderer, block);
        renderer.Write("</code></pre></div>").WriteLine();
    }

    private static void WriteCode(HtmlRenderer renderer, CodeBlock block)
    {
        var lines = block.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                renderer.Write('\n');
            }

            renderer.WriteEscape(lines.Lines[i].Slice.AsSpan(), false);
        }
    }

    // The fence name as the model wrote it, lower-cased: shown to the reader and, as language-<name>, the
    // name highlight.js looks up (an unknown one stays plain). Reduced to characters a name needs so it is
    // harmless in the class attribute too.
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
