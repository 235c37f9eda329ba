using ChatbotOrleans.Frontend.Chat.Markdown;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// Listed messages as markup made once per message (<see cref="MessageHtml"/>). The list's render tree is most of
/// what a page costs the circuit: every element and every attribute is a frame, kept twice (the tree and the one
/// before it, for the next diff), and a component keeps two buffers of its own. A message here is two markup
/// frames, its bubble and the line under it, inside one keyed element. The list renders on every delta of a
/// streaming reply and every tick of the page's clock: each part is made again only when what it shows changed.
/// </summary>
/// <remarks>
/// Holds the messages asked for in the current render and the one before: what is no longer shown is let go at
/// the next render. Not thread-safe; its owner calls it from the circuit's dispatcher.
/// </remarks>
public sealed class MessageMarkup
{
    private Dictionary<MessageId, Entry> _current = [];
    private Dictionary<MessageId, Entry> _previous = [];

    /// <summary>Whether a reply rendered so far has a code block: the page then needs the colouring script.</summary>
    public bool HasCode { get; private set; }

    /// <summary>Starts a render: the messages not asked for since the last one are let go.</summary>
    public void BeginRender()
    {
        (_previous, _current) = (_current, _previous);
        _current.Clear();
    }

    /// <summary>The message's bubble, with Retry as <paramref name="retry"/> says.</summary>
    public MarkupString Body(ChatMessage message, RetryButton retry)
    {
        var entry = EntryOf(message);
        if (entry.Body is not { } body || entry.Retry != retry)
        {
            // The reply's HTML is kept only inside the bubble's: a changed Retry parses the text again, which is rare.
            var html = message.Role == ChatRole.Assistant && message.Text.Length > 0 ? MarkdownRenderer.ToHtml(message.Text) : null;
            HasCode |= html is not null && MarkdownView.HasCode(new MarkupString(html));
            (entry.Body, entry.Retry) = (new MarkupString(MessageHtml.Body(message, html, retry)), retry);
            body = entry.Body.Value;
        }

        return body;
    }

    /// <summary>The line under the message, as <paramref name="meta"/> says.</summary>
    public MarkupString Meta(ChatMessage message, MessageMeta meta)
    {
        var entry = EntryOf(message);
        if (entry.Meta is not { } line || entry.MetaOf != meta)
        {
            (entry.Meta, entry.MetaOf) = (new MarkupString(MessageHtml.Meta(message, meta)), meta);
            line = entry.Meta.Value;
        }

        return line;
    }

    // A message changed (its text, status or usage) is a new record: what was made for the old one is made again.
    private Entry EntryOf(ChatMessage message)
    {
        if (_current.TryGetValue(message.Id, out var entry) && ReferenceEquals(entry.Message, message))
        {
            return entry;
        }

        if (!_previous.TryGetValue(message.Id, out entry) || !ReferenceEquals(entry.Message, message))
        {
            entry = new Entry(message);
        }

        _current[message.Id] = entry;
        return entry;
    }

    private sealed class Entry(ChatMessage message)
    {
        public ChatMessage Message { get; } = message;

        public MarkupString? Body { get; set; }

        public RetryButton Retry { get; set; }

        public MarkupString? Meta { get; set; }

        public MessageMeta MetaOf { get; set; }
    }
}
