using System.Text.Encodings.Web;
using ChatbotOrleans.Frontend.Chat.Markdown;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// The parts of listed messages that carry no event, as markup made once per message. The list's render tree is
/// most of what a page costs the circuit: every element and every attribute is a frame, kept twice (the tree and
/// the one before it, for the next diff). A reply's Markdown is one frame here instead of a
/// <see cref="MarkdownView"/> of its own; its time, model and token count are one frame each instead of fifteen.
/// The list renders on every delta of a streaming reply and every tick of the page's clock: each is made again
/// only when what it shows changed.
/// </summary>
/// <remarks>
/// Holds the messages asked for in the current render and the one before: what is no longer shown is let go at
/// the next render. Not thread-safe; its owner calls it from the circuit's dispatcher.
/// </remarks>
public sealed class MessageMarkup
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    private Dictionary<MessageId, Entry> _current = [];
    private Dictionary<MessageId, Entry> _previous = [];

    /// <summary>Whether a reply rendered so far has a code block: the page then needs the copy button's script.</summary>
    public bool HasCode { get; private set; }

    /// <summary>Starts a render: the messages not asked for since the last one are let go.</summary>
    public void BeginRender()
    {
        (_previous, _current) = (_current, _previous);
        _current.Clear();
    }

    /// <summary>The safe HTML of a stored reply's text.</summary>
    public MarkupString Reply(ChatMessage message)
    {
        var entry = EntryOf(message);
        if (entry.Reply is not { } reply)
        {
            reply = new MarkupString(MarkdownRenderer.ToHtml(message.Text));
            entry.Reply = reply;
            HasCode |= MarkdownView.HasCode(reply);
        }

        return reply;
    }

    /// <summary>When the message was written, said as <paramref name="relative"/> (the exact time in the tooltip).</summary>
    public MarkupString Time(ChatMessage message, string relative)
    {
        var entry = EntryOf(message);
        if (!string.Equals(entry.TimeSaid, relative, StringComparison.Ordinal))
        {
            entry.TimeSaid = relative;
            entry.Time = new MarkupString(
                $"<time class=\"time-ago\" datetime=\"{TimeAgo.Machine(message.CreatedAt)}\" title=\"{Encoder.Encode(TimeAgo.Exact(message.CreatedAt))}\">{Encoder.Encode(relative)}</time>");
        }

        return entry.Time;
    }

    /// <summary>The model that wrote a reply, by <paramref name="model"/> (null: none shown), and its tokens.</summary>
    public MarkupString Details(ChatMessage message, string? model)
    {
        var entry = EntryOf(message);
        if (!entry.HasDetails || !string.Equals(entry.Model, model, StringComparison.Ordinal))
        {
            var name = model is null ? "" : $"<span class=\"model-name\" data-testid=\"reply-model\" title=\"The model that wrote this reply\">{Encoder.Encode(model)}</span>";
            var usage = message.Usage is { } tokens
                ? $"<span class=\"usage\" data-testid=\"usage\" title=\"{Encoder.Encode(UsageText.Detail(tokens))}\">{Encoder.Encode(UsageText.Brief(tokens))}</span>"
                : "";
            (entry.HasDetails, entry.Model, entry.Details) = (true, model, new MarkupString(name + usage));
        }

        return entry.Details;
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
            var text = entry is not null && string.Equals(entry.Message.Text, message.Text, StringComparison.Ordinal) ? entry.Reply : null;
            entry = new Entry(message) { Reply = text };
        }

        _current[message.Id] = entry;
        return entry;
    }

    private sealed class Entry(ChatMessage message)
    {
        public ChatMessage Message { get; } = message;

        public MarkupString? Reply { get; set; }

        public string? TimeSaid { get; set; }

        public MarkupString Time { get; set; }

        public bool HasDetails { get; set; }

        public string? Model { get; set; }

        public MarkupString Details { get; set; }
    }
}
