using ChatbotOrleans.Frontend.Chat.Markdown;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// The rendered Markdown of the stored replies a list shows, without a <see cref="MarkdownView"/> for each: a
/// component keeps two render-tree buffers of its own in the circuit. The list renders on every delta of a
/// streaming reply and every tick of the page's clock, so each reply is parsed once, not on every render.
/// </summary>
/// <remarks>
/// Holds the replies asked for in the current render and the one before: what is no longer shown is dropped at
/// the next render. Not thread-safe; its owner calls it from the circuit's dispatcher.
/// </remarks>
public sealed class ReplyMarkup
{
    private Dictionary<MessageId, Rendered> _current = [];
    private Dictionary<MessageId, Rendered> _previous = [];

    /// <summary>Whether a reply rendered so far has a code block: the page then needs the copy button's script.</summary>
    public bool HasCode { get; private set; }

    /// <summary>Starts a render: the replies not asked for since the last one are let go.</summary>
    public void BeginRender()
    {
        (_previous, _current) = (_current, _previous);
        _current.Clear();
    }

    /// <summary>The safe HTML of a stored reply's text.</summary>
    public MarkupString For(ChatMessage message)
    {
        if (_current.TryGetValue(message.Id, out var rendered) && IsOf(rendered, message))
        {
            return rendered.Html;
        }

        if (!(_previous.TryGetValue(message.Id, out rendered) && IsOf(rendered, message)))
        {
            rendered = new Rendered(message.Text, new MarkupString(MarkdownRenderer.ToHtml(message.Text)));
            HasCode |= MarkdownView.HasCode(rendered.Html);
        }

        _current[message.Id] = rendered;
        return rendered.Html;
    }

    private static bool IsOf(Rendered rendered, ChatMessage message) => string.Equals(rendered.Text, message.Text, StringComparison.Ordinal);

    private readonly record struct Rendered(string Text, MarkupString Html);
}
