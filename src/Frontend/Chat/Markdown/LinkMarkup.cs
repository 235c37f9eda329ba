using Markdig.Renderers;

namespace ChatbotOrleans.Frontend.Chat.Markdown;

/// <summary>The one place an anchor is opened, so every link from a reply carries the same safety attributes.</summary>
internal static class LinkMarkup
{
    // href must be an address SafeUrl returned.
    public static void WriteOpen(HtmlRenderer renderer, string href, string? title)
    {
        renderer.Write("<a href=\"").WriteEscape(href).Write('"');

        // nofollow: the model chose this link, not us; noopener/noreferrer: the new tab gets no handle on this
        // page and the target site no Referer with the conversation's address.
        renderer.Write(" rel=\"noopener noreferrer nofollow\"");
        if (SafeUrl.IsWeb(href))
        {
            renderer.Write(" target=\"_blank\"");
        }

        if (!string.IsNullOrEmpty(title))
        {
            renderer.Write(" title=\"").WriteEscape(title).Write('"');
        }

        renderer.Write('>');
    }
}
