using Markdig.Extensions.Tables;
using Markdig.Renderers;

namespace ChatbotOrleans.Frontend.Chat.Markdown;

/// <summary>
/// A table inside a box that scrolls sideways, so a wide table stays inside its bubble on a 360 px screen.
/// The box is focusable and named, so a keyboard can scroll it and a screen reader says what it is.
/// </summary>
internal sealed class ScrollingTableRenderer : HtmlTableRenderer
{
    protected override void Write(HtmlRenderer renderer, Table table)
    {
        renderer.EnsureLine();
        renderer.Write("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">");
        base.Write(renderer, table);
        renderer.Write("</div>").WriteLine();
    }
}
