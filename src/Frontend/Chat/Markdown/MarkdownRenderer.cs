using System.Globalization;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;

namespace ChatbotOrleans.Frontend.Chat.Markdown;

/// <summary>
/// Turns a bot reply's Markdown into HTML that is safe to insert as markup. Safe by construction rather
/// than by cleaning afterwards: raw HTML is never parsed (it comes out as text), every piece of text is
/// escaped by the renderer that writes it, links and images go through <see cref="SafeUrl"/>, and no
/// extension that copies attributes from the source (generic attributes) is enabled.
/// </summary>
internal static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseTaskLists()
        .UseAutoLinks()
        // Models break lines inside paragraphs (addresses, verses, steps) and mean it.
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static string ToHtml(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        Harden(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static void Harden(HtmlRenderer renderer)
    {
        var renderers = renderer.ObjectRenderers;
        renderers.Replace<LinkInlineRenderer>(new SafeLinkRenderer());
        renderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkRenderer());
        renderers.Replace<Markdig.Renderers.Html.CodeBlockRenderer>(new CodeBlockRenderer());
        renderers.Replace<HtmlTableRenderer>(new ScrollingTableRenderer());

        // DisableHtml means no raw-HTML nodes are ever parsed; should an extension produce one anyway, with
        // no renderer for it the node is dropped rather than passed through.
        renderers.TryRemove<HtmlBlockRenderer>();
        renderers.TryRemove<HtmlInlineRenderer>();
    }
}
