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
    private const int MaxCachedBuffer = 64 * 1024;

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

        // A streaming reply is rendered again on every delta; building the renderer (two dozen object
        // renderers) each time cost more than the rendering itself, so each thread keeps one. Taken out
        // while in use, so a render that throws leaves no half-written renderer behind.
        var renderer = _cached ?? CreateRenderer();
        _cached = null;
        var writer = (StringWriter)renderer.Writer;
        writer.GetStringBuilder().Clear();
        renderer.Render(document);
        writer.Flush();
        var html = writer.ToString();

        // A rare huge reply should not leave its buffer parked on every pool thread that rendered it.
        _cached = writer.GetStringBuilder().Capacity <= MaxCachedBuffer ? renderer : null;
        return html;
    }

    [ThreadStatic]
    private static HtmlRenderer? _cached;

    private static HtmlRenderer CreateRenderer()
    {
        var renderer = new HtmlRenderer(new StringWriter(CultureInfo.InvariantCulture));
        Pipeline.Setup(renderer);
        Harden(renderer);
        return renderer;
    }

    private static void Harden(HtmlRenderer renderer)
    {
        var renderers = renderer.ObjectRenderers;
        renderers.Replace<LinkInlineRenderer>(new SafeLinkRenderer());
        renderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkRenderer());
        renderers.Replace<CodeBlockRenderer>(new LabelledCodeBlockRenderer());
        renderers.Replace<HtmlTableRenderer>(new ScrollingTableRenderer());

        // DisableHtml means no raw-HTML nodes are ever parsed; should an extension produce one anyway, with
        // no renderer for it the node is dropped rather than passed through.
        renderers.TryRemove<HtmlBlockRenderer>();
        renderers.TryRemove<HtmlInlineRenderer>();
    }
}
