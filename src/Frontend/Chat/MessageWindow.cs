using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// Which stretch of a conversation the page renders. While it is live, that is the newest messages a
/// <see cref="ConversationView"/> follows with the older pages loaded above them; once the reader has gone far
/// back (or opened an old message), it is a range of its own that pages in both directions until it meets the
/// newest again. It never holds more than <see cref="Capacity"/> messages, dropping from the end the reader is
/// away from, so a page scrolled through a long archive keeps a small DOM, and the circuit a render tree no
/// larger than a page at its newest messages and one page loaded above them: what scrolled out of the window
/// is read again (keyset) when the reader comes back to it.
/// </summary>
/// <remarks>Not thread-safe; its owner calls it from the circuit's dispatcher, passing the view's messages.</remarks>
public sealed class MessageWindow(int capacity = MessageWindow.DefaultCapacity)
{
    /// <summary>
    /// The view's newest messages (the grain's default window of 32) and one page above them. Two pages, so that after a
    /// page is put above the reader, a page's worth stays below them: the far end stays out of the list script's
    /// reach and does not load back at once.
    /// </summary>
    public const int DefaultCapacity = 2 * MessageList.PageSize;

    private List<ChatMessage> _older = [];
    private List<ChatMessage>? _range;
    private long? _awayFrom;

    public int Capacity => capacity;

    /// <summary>Whether the window ends with the newest message and follows it.</summary>
    public bool IsLive => _range is null;

    /// <summary>Whether the reader is far from the newest message: the page offers to jump back to it.</summary>
    public bool IsAway => _awayFrom is not null || !IsLive;

    /// <summary>The messages to render, oldest first.</summary>
    /// <param name="live">The view's messages: the newest, contiguous, oldest first.</param>
    public IReadOnlyList<ChatMessage> Shown(IReadOnlyList<ChatMessage> live)
    {
        if (_range is not null)
        {
            return _range;
        }

        var older = OlderThan(live);
        return older.Count == 0 ? live : [.. older, .. live];
    }

    /// <summary>The sequence to load older messages before; <c>null</c> when the first message is shown.</summary>
    public long? OlderBefore(IReadOnlyList<ChatMessage> live) =>
        Shown(live) is [var first, ..] && first.ParentSequence > 0 ? first.Sequence : null;

    /// <summary>The sequence to load newer messages after; <c>null</c> while live (the stream brings them).</summary>
    public long? NewerAfter => _range is [.., var last] ? last.Sequence : null;

    /// <summary>How many messages arrived since the reader went away from the newest one.</summary>
    public long NewSince(long newestSequence) => _awayFrom is { } from ? Math.Max(0, newestSequence - from) : 0;

    /// <summary>Puts a page of older messages above the first shown; drops from the newest end beyond the capacity.</summary>
    /// <returns>How many messages were added (none when the page does not join the first shown).</returns>
    public int AddOlder(IReadOnlyList<ChatMessage> page, IReadOnlyList<ChatMessage> live)
    {
        var shown = Shown(live);
        if (shown.Count == 0)
        {
            return 0;
        }

        var added = page.Where(m => m.Sequence < shown[0].Sequence).ToList();
        if (added.Count == 0 || added[^1].Sequence != shown[0].ParentSequence)
        {
            return 0;
        }

        List<ChatMessage> all = [.. added, .. shown];
        if (_range is null && all.Count <= capacity)
        {
            _older = [.. all.Take(all.Count - live.Count)];
        }
        else
        {
            _range = all.GetRange(0, Math.Min(capacity, all.Count));
            _older = [];
        }

        return added.Count;
    }

    /// <summary>
    /// Puts a page of newer messages below the last shown, dropping from the oldest end beyond the capacity; a page
    /// that reaches the newest messages (or an empty one: nothing is newer) makes the window live again.
    /// </summary>
    /// <returns>How many messages were added.</returns>
    public int AddNewer(IReadOnlyList<ChatMessage> page, IReadOnlyList<ChatMessage> live, long newestSequence)
    {
        if (_range is not [.., var last])
        {
            return 0;
        }

        var added = page.Where(m => m.Sequence > last.Sequence).ToList();
        if (added.Count > 0 && added[0].ParentSequence != last.Sequence)
        {
            return 0;
        }

        List<ChatMessage> all = [.. _range, .. added];
        if (added.Count == 0 || live.Count == 0 || all[^1].Sequence >= live[0].ParentSequence)
        {
            Join(all, live, newestSequence);
        }
        else
        {
            _range = all.GetRange(Math.Max(0, all.Count - capacity), Math.Min(capacity, all.Count));
        }

        return added.Count;
    }

    /// <summary>Shows the messages around an old one (loaded in both directions from it) instead of the newest.</summary>
    public void ShowAround(IReadOnlyList<ChatMessage> around, IReadOnlyList<ChatMessage> live, long newestSequence)
    {
        if (around.Count == 0)
        {
            return;
        }

        if (live.Count > 0 && around[^1].Sequence >= live[0].ParentSequence)
        {
            Join(around, live, newestSequence);
            return;
        }

        _awayFrom ??= newestSequence;
        _older = [];
        _range = [.. around.Take(capacity)];
    }

    /// <summary>
    /// The reader went far up (new messages are counted from here), or came back to the newest message (the count
    /// ends, unless the window shows a range of older ones).
    /// </summary>
    public void SetAway(bool away, long newestSequence)
    {
        if (away)
        {
            _awayFrom ??= newestSequence;
        }
        else if (IsLive)
        {
            _awayFrom = null;
        }
    }

    /// <summary>Back to the newest messages only (Jump to latest); older ones load again as the reader scrolls up.</summary>
    public void FollowLatest()
    {
        _older = [];
        _range = null;
        _awayFrom = null;
    }

    private List<ChatMessage> OlderThan(IReadOnlyList<ChatMessage> live)
    {
        if (_older.Count == 0 || live.Count == 0)
        {
            return [];
        }

        // A reload after a gap may have moved the view's first message: keep only what still joins it.
        var first = live[0].Sequence;
        var older = _older.Count > 0 && _older[^1].Sequence >= first ? _older.TakeWhile(m => m.Sequence < first).ToList() : _older;
        return older is [.., var last] && last.Sequence == live[0].ParentSequence ? older : [];
    }

    private void Join(IReadOnlyList<ChatMessage> range, IReadOnlyList<ChatMessage> live, long newestSequence)
    {
        var first = live.Count > 0 ? live[0].Sequence : newestSequence + 1;
        var older = range.Where(m => m.Sequence < first).ToList();
        var room = Math.Max(0, capacity - live.Count);
        _older = older.GetRange(Math.Max(0, older.Count - room), Math.Min(room, older.Count));
        _range = null;
    }
}
