using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// Reads a conversation's log along its <see cref="ConversationPath"/>: a page of the path is one keyset read per
/// run of consecutive sequences it spans (one for a conversation never edited, which reads as before).
/// </summary>
/// <param name="id">The conversation.</param>
/// <param name="log">Its messages.</param>
/// <param name="windowSize">How many messages the conversation holds in memory (<see cref="ConversationOptions.WindowSize"/>).</param>
public sealed class PathReader(ConversationId id, IMessageLog log, int windowSize)
{
    /// <summary>The most messages one forward read of the log returns, so no call reads the whole log at once.</summary>
    public const int MaxReadAfter = 500;

    /// <summary>Up to <paramref name="maxCount"/> messages of the current path below <paramref name="beforeSequence"/>: the window's, then the log's.</summary>
    public async Task<IReadOnlyList<ChatMessage>> HistoryBeforeAsync(Conversation conversation, long beforeSequence, int maxCount)
    {
        var (held, readBefore, readCount) = conversation.HistoryBefore(beforeSequence, maxCount);
        var path = conversation.Path;
        return readCount > 0 ? [.. await BeforeAsync(path, readBefore, readCount), .. path.Describe(held)] : path.Describe(held);
    }

    /// <summary>The window's newest messages of the path ending at <paramref name="tip"/>, as the window holds them.</summary>
    public async Task<IReadOnlyList<ChatMessage>> WindowAsync(ConversationPath path, long tip) =>
        [.. (await BeforeAsync(path, tip + 1, windowSize, tip)).Select(m => m with { Versions = null })];

    /// <summary>
    /// For an edit of a message of the current path older than the window (<see cref="EditRules.OlderTarget"/>): the
    /// window's newest messages of the path ending at it, read from the log; otherwise null. The
    /// message there must be the one named, so an id of another chat or a wrong sequence finds nothing.
    /// </summary>
    public async Task<IReadOnlyList<ChatMessage>?> OlderEditPathAsync(Conversation conversation, EditMessage edit) =>
        EditRules.OlderTarget(edit, conversation.Recent, conversation.Path) is { } sequence
            && await WindowAsync(conversation.Path, sequence) is [.., var target] path && target.Id == edit.Original ? path : null;

    /// <summary>Up to <paramref name="maxCount"/> messages of the path ending at <paramref name="tip"/> numbered below <paramref name="beforeSequence"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ChatMessage>> BeforeAsync(ConversationPath path, long beforeSequence, int maxCount, long? tip = null)
    {
        if (path.IsLinear && tip is null)
        {
            return await log.ReadAsync(id, beforeSequence, maxCount);
        }

        var found = new List<ChatMessage>();
        foreach (var (from, to) in path.Ranges(tip).Reverse().Where(r => r.From < beforeSequence))
        {
            found.InsertRange(0, await log.ReadRangeAsync(id, from, Math.Min(to, beforeSequence - 1), maxCount - found.Count, newest: true));
            if (found.Count >= maxCount)
            {
                break;
            }
        }

        return path.Describe(found, tip);
    }

    /// <summary>Up to <paramref name="maxCount"/> messages of the current path numbered above <paramref name="afterSequence"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ChatMessage>> AfterAsync(ConversationPath path, long afterSequence, int maxCount)
    {
        if (path.IsLinear)
        {
            return await log.ReadAfterAsync(id, afterSequence, maxCount);
        }

        var found = new List<ChatMessage>();
        foreach (var (from, to) in path.Ranges().Where(r => r.To > afterSequence))
        {
            found.AddRange(await log.ReadRangeAsync(id, Math.Max(from, afterSequence + 1), to, maxCount - found.Count, newest: false));
            if (found.Count >= maxCount)
            {
                break;
            }
        }

        return path.Describe(found);
    }

    /// <summary>Every message after <paramref name="afterSequence"/>, all versions, each saying whether it is on the current path.</summary>
    public async Task<IReadOnlyList<ChatMessage>> ArchiveAsync(ConversationPath path, long afterSequence, int maxCount)
    {
        var messages = await log.ReadAfterAsync(id, afterSequence, maxCount);
        if (path.IsLinear)
        {
            return messages;
        }

        var ranges = path.Ranges();
        return [.. messages.Select(m => m with { Versions = path.VersionsOf(m.Sequence, ranges.Any(r => r.From <= m.Sequence && m.Sequence <= r.To)) })];
    }
}
