using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace ChatbotOrleans.Frontend.Chat.Markdown;

/// <summary><c>&lt;https://…&gt;</c> and <c>&lt;name@host&gt;</c>; any other scheme shows as its text.</summary>
internal sealed class SafeAutolinkRenderer : HtmlObjectRenderer<AutolinkInline>
{
    protected override void Write(HtmlRenderer renderer, AutolinkInline link)
    {
        var href = SafeUrl.ForLink(link.IsEmail ? "mailto:" + link.Url : link.Url);
        if (href is null)
        {
            renderer.WriteEscape(link.Url);
            return;
        }

        LinkMarkup.WriteOpen(renderer, href, title: null);
        renderer.WriteEscape(link.Url);
        renderer.Write("</a>");
    }
}
