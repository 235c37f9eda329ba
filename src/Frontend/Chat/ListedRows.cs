using System.Globalization;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// Listed messages whose markup the browser holds, not the circuit. Once the page is interactive, the list renders a
/// message as an empty row and names in it the version of its two parts, its bubble and the line under it; the HTML of
/// a new version goes to the browser once, ahead of the render that names it (<see cref="RowsScript"/>;
/// <c>message-rows.js</c> fills the row from it). A circuit then keeps a few small strings per message instead of its
/// HTML in two render trees, so scrolling far back costs the server no more than the page it started with. A version
/// the browser never got (sent while the connection was down) it asks for again.
/// </summary>
/// <remarks>
/// Holds the messages asked for in the current render and the one before: what is no longer shown is let go at the next
/// render, and is given new versions if it is shown again. Not thread-safe; its owner calls it from the circuit's
/// dispatcher.
/// </remarks>
public sealed class ListedRows
{
    /// <summary>The part of a row that holds the message's bubble.</summary>
    public const string BodyPart = "body";

    /// <summary>The part of a row that holds the line under the message.</summary>
    public const string MetaPart = "meta";

    private readonly List<RowSlot> _outgoing = [];
    private Dictionary<MessageId, Row> _current = [];
    private Dictionary<MessageId, Row> _previous = [];
    // One count for the whole process: a list made anew on the same page (another chat opened) must not name a version
    // the browser may still hold for the list before it.
    private static long _lastVersion;

    /// <summary>Whether a reply listed so far has a code block: the page then needs the colouring script.</summary>
    public bool HasCode { get; private set; }

    /// <summary>Starts a render: the messages not asked for since the last one are let go.</summary>
    public void BeginRender()
    {
        (_previous, _current) = (_current, _previous);
        _current.Clear();
    }

    /// <summary>
    /// The row's versions as its <c>data-row</c> attribute ("sequence:body:meta"); a part that changed since the last
    /// render gets a new version, and its HTML waits in <see cref="TakeOutgoing"/>.
    /// </summary>
    /// <param name="message">A listed message.</param>
    /// <param name="retry">What its bubble offers of Retry.</param>
    /// <param name="editing">Whether it is open in the editor: its bubble is empty meanwhile.</param>
    /// <param name="meta">What the line under it shows.</param>
    public string Versions(ChatMessage message, RetryButton retry, bool editing, MessageMeta meta)
    {
        var row = RowOf(message);
        var changed = false;
        if (row.Body == 0 || row.Retry != retry || row.Editing != editing)
        {
            (row.Body, row.Retry, row.Editing, changed) = (Interlocked.Increment(ref _lastVersion), retry, editing, true);
            _outgoing.Add(BodyOf(row));
        }

        if (row.Meta == 0 || row.MetaOf != meta)
        {
            (row.Meta, row.MetaOf, changed) = (Interlocked.Increment(ref _lastVersion), meta, true);
            _outgoing.Add(MetaOf(row));
        }

        if (changed || row.Attribute is null)
        {
            row.Attribute = string.Create(CultureInfo.InvariantCulture, $"{message.Sequence}:{row.Body}:{row.Meta}");
        }

        return row.Attribute;
    }

    /// <summary>The parts made since the last call: the browser must have them before the render that names them.</summary>
    public IReadOnlyList<RowSlot> TakeOutgoing()
    {
        if (_outgoing.Count == 0)
        {
            return [];
        }

        RowSlot[] outgoing = [.. _outgoing];
        _outgoing.Clear();
        return outgoing;
    }

    /// <summary>Both parts, as last rendered, of the rows listed with these sequences; the others are no longer listed.</summary>
    public IReadOnlyList<RowSlot> Again(IEnumerable<long> sequences)
    {
        var wanted = sequences.ToHashSet();
        return [.. _current.Values.Where(row => wanted.Contains(row.Message.Sequence) && row.Body != 0 && row.Meta != 0)
            .SelectMany(row => new[] { BodyOf(row), MetaOf(row) })];
    }

    // A message changed (its text, status or usage) starts its row again. The same message read again (the view
    // reloaded) keeps its versions: filling the row anew would take the focus from a button the reader just pressed.
    private Row RowOf(ChatMessage message)
    {
        if (_current.TryGetValue(message.Id, out var row) && ReferenceEquals(row.Message, message))
        {
            return row;
        }

        if (row is null && _previous.TryGetValue(message.Id, out var previous))
        {
            row = previous;
        }

        if (row is null || !row.Message.Equals(message))
        {
            row = new Row(message);
        }

        row.Message = message;
        _current[message.Id] = row;
        return row;
    }

    private RowSlot BodyOf(Row row)
    {
        var html = row.Editing ? string.Empty : MessageHtml.Body(row.Message, row.Retry);
        HasCode |= MarkdownView.HasCode(new MarkupString(html));
        return new RowSlot(row.Message.Sequence, BodyPart, row.Body, html);
    }

    private static RowSlot MetaOf(Row row) => new(row.Message.Sequence, MetaPart, row.Meta, MessageHtml.Meta(row.Message, row.MetaOf));

    private sealed class Row(ChatMessage message)
    {
        public ChatMessage Message { get; set; } = message;

        public long Body { get; set; }

        public RetryButton Retry { get; set; }

        public bool Editing { get; set; }

        public long Meta { get; set; }

        public MessageMeta MetaOf { get; set; }

        public string? Attribute { get; set; }
    }
}

/// <summary>One part of a listed message's row, as the browser fills it.</summary>
/// <param name="Sequence">The message's sequence.</param>
/// <param name="Part"><see cref="ListedRows.BodyPart"/> or <see cref="ListedRows.MetaPart"/>.</param>
/// <param name="Version">The version the row names when it shows this HTML.</param>
/// <param name="Html">The part's HTML (empty for the bubble of a message being edited).</param>
public sealed record RowSlot(long Sequence, string Part, long Version, string Html);
