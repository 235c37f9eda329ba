using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace ChatbotOrleans.Frontend.Chat.Markdown;

/// <summary>
/// Links and images. A link to an address <see cref="SafeUrl"/> refuses shows its text only. An image is
/// never loaded: a picture fetched from an address a model wrote tells that server who read the reply and
/// when (a tracking pixel), so the image syntax becomes a link the reader may choose to open.
/// </summary>
internal sealed class SafeLinkRenderer : HtmlObjectRenderer<LinkInline>
{
    private int _linkDepth;

    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
        var href = link.IsImage ? SafeUrl.ForImage(url) : SafeUrl.ForLink(url);

        // An anchor inside an anchor is invalid HTML, so an image within a link shows as its description.
        if (href is null || _linkDepth > 0)
        {
            WriteLabel(renderer, link);
            return;
        }

        LinkMarkup.WriteOpen(renderer, href, link.Title);
        _linkDepth++;
        try
        {
            if (link.IsImage)
            {
                renderer.Write("<span class=\"image-link\">Image: </span>");
            }

            WriteLabel(renderer, link, fallback: link.IsImage ? href : null);
        }
        finally
        {
            _linkDepth--;
        }

        renderer.Write("</a>");
    }

    private static void WriteLabel(HtmlRenderer renderer, LinkInline link, string? fallback = null)
    {
        if (link.FirstChild is null && fallback is not null)
        {
            renderer.WriteEscape(fallback);
            return;
        }

        renderer.WriteChildren(link);
    }
}
