using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// The tree of a conversation's messages and the path through it that the page and the model see. Each
/// message follows the one numbered before it, except the forks (an edit, a regenerated reply, the first
/// message after switching versions), which name the message they follow. Only the forks are held, so the
/// tree of a conversation that was never edited costs nothing; the path ends at the tip and is read back
/// through parents, as runs of consecutive numbers.
/// </summary>
public sealed class ConversationPath
{
    private readonly Dictionary<long, long> _forks = [];
    private readonly Dictionary<long, List<long>> _forksByParent = [];
    private readonly List<long> _forkSequences = [];
    private long _selectedTip;
    private long _selectedAt;

    /// <param name="forks">The forks of the log: each row's sequence and the sequence of the message it follows.</param>
    /// <param name="newest">The sequence of the log's newest message (0 when empty).</param>
    /// <param name="selectedTip">The path's end when versions were last switched.</param>
    /// <param name="selectedAt">The newest sequence then (0 when never): a message added since continues from the tip.</param>
    public ConversationPath(IEnumerable<(long Sequence, long Parent)> forks, long newest, long selectedTip = 0, long selectedAt = 0)
    {
        foreach (var (sequence, parent) in forks.OrderBy(f => f.Sequence))
        {
            AddFork(sequence, parent);
        }

        Newest = newest;
        (_selectedTip, _selectedAt) = (selectedTip, selectedAt);
    }

    /// <summary>The sequence of the log's newest message.</summary>
    public long Newest { get; private set; }

    /// <summary>The last message of the current path: the newest, unless versions were switched since it was added.</summary>
    public long Tip => _selectedAt > 0 && Newest <= _selectedAt ? _selectedTip : Newest;

    /// <summary>Whether the path is every message in order (no fork, no switch): reads need no path then.</summary>
    public bool IsLinear => _forks.Count == 0 && Tip == Newest;

    /// <summary>What to store so that <see cref="Tip"/> survives a reactivation.</summary>
    public (long SelectedTip, long SelectedAt) Selection => (_selectedTip, _selectedAt);

    public long ParentOf(long sequence) => _forks.TryGetValue(sequence, out var parent) ? parent : sequence - 1;

    /// <summary>The value of <see cref="ChatMessage.Parent"/> for the next message: null when it follows the one before it.</summary>
    public long? ParentForNext() => Tip == Newest ? null : Tip;

    /// <summary>Records a message added to the log at the tip; it becomes the tip.</summary>
    public void Added(ChatMessage message)
    {
        if (message.Parent is { } parent && parent != message.Sequence - 1)
        {
            AddFork(message.Sequence, parent);
        }

        Newest = Math.Max(Newest, message.Sequence);
    }

    /// <summary>Ends the path at <paramref name="tip"/>: the next message added follows it.</summary>
    public void MoveTip(long tip) => (_selectedTip, _selectedAt) = (tip, Newest);

    /// <summary>The messages that follow <paramref name="parent"/>, oldest first.</summary>
    public IReadOnlyList<long> ChildrenOf(long parent)
    {
        var children = new List<long>();
        if (parent + 1 <= Newest && !_forks.ContainsKey(parent + 1))
        {
            children.Add(parent + 1);
        }

        if (_forksByParent.TryGetValue(parent, out var forked))
        {
            children.AddRange(forked);
        }

        return children;
    }

    /// <summary>The end of the branch below <paramref name="sequence"/>, following the newest version at each step.</summary>
    public long NewestLeafUnder(long sequence)
    {
        var leaf = sequence;
        while (ChildrenOf(leaf) is { Count: > 0 } children)
        {
            leaf = children[^1];
        }

        return leaf;
    }

    /// <summary>The path ending at <paramref name="tip"/> (the current one by default) as runs of consecutive sequences, oldest first.</summary>
    public IReadOnlyList<(long From, long To)> Ranges(long? tip = null)
    {
        var ranges = new List<(long From, long To)>();
        var end = tip ?? Tip;
        while (end > 0)
        {
            var index = _forkSequences.BinarySearch(end);
            index = index >= 0 ? index : ~index - 1;
            var from = index >= 0 ? _forkSequences[index] : 1;
            ranges.Add((from, end));
            end = index >= 0 ? _forks[from] : 0;
        }

        ranges.Reverse();
        return ranges;
    }

    public bool IsOnPath(long sequence) => Ranges().Any(r => r.From <= sequence && sequence <= r.To);

    /// <summary>The message's place among its versions; null when it is the only one and on the path.</summary>
    public MessageVersions? VersionsOf(long sequence, bool onPath = true)
    {
        var siblings = ChildrenOf(ParentOf(sequence));
        var index = Math.Max(0, IndexOf(siblings, sequence));
        return siblings.Count <= 1 && onPath ? null : new MessageVersions(
            index + 1,
            Math.Max(1, siblings.Count),
            index > 0 ? siblings[index - 1] : 0,
            index + 1 < siblings.Count ? siblings[index + 1] : 0,
            onPath);
    }

    /// <summary>The messages of a path as a reader sees them: each with its versions.</summary>
    public IReadOnlyList<ChatMessage> Describe(IReadOnlyList<ChatMessage> messages, long? tip = null) =>
        _forks.Count == 0 && tip is null ? messages : [.. messages.Select(m => m with { Versions = VersionsOf(m.Sequence) })];

    private static int IndexOf(IReadOnlyList<long> sequences, long sequence)
    {
        for (var i = 0; i < sequences.Count; i++)
        {
            if (sequences[i] == sequence)
            {
                return i;
            }
        }

        return -1;
    }

    private void AddFork(long sequence, long parent)
    {
        if (!_forks.TryAdd(sequence, parent))
        {
            return;
        }

        if (!_forksByParent.TryGetValue(parent, out var children))
        {
            _forksByParent[parent] = children = [];
        }

        children.Add(sequence);
        var index = _forkSequences.BinarySearch(sequence);
        _forkSequences.Insert(index >= 0 ? index : ~index, sequence);
    }
}
