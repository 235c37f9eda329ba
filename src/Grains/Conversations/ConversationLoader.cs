using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// What an activation reads to rebuild its conversation: the window of newest messages and, for a conversation
/// busy enough that the window is younger than <see cref="ConversationOptions.SendIdempotencyPeriod"/>, the
/// sends before it that a retried send may still name.
/// </summary>
public static class ConversationLoader
{
    public static async Task<Conversation> LoadAsync(
        ConversationId id, ConversationState state, IMessageLog log, ConversationOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (state.OwnerId == Guid.Empty)
        {
            return new Conversation(state, [], options);
        }

        var stored = await log.ReadAsync(id, long.MaxValue, options.WindowSize, cancellationToken);
        var since = now - options.SendIdempotencyPeriod;
        var earlier = stored.Count == 0 || stored[0].Sequence <= 1 || stored[0].CreatedAt < since ? new List<ChatMessage>()
            : (await log.ReadAsync(id, stored[0].Sequence, SentIds.Capacity, cancellationToken)).Where(m => m.CreatedAt >= since).ToList();
        if (!state.HasForks && !stored.Any(m => m.Parent is not null))
        {
            return new Conversation(state, stored, options, earlier);
        }

        // Edited: the window is the current path's newest messages; the log's newest, off the path, are remembered as sent.
        // (A fork in the window marks the state too, should the write after the edit have failed.)
        state.HasForks = true;
        var newest = Math.Max(state.Sequence, stored.Count > 0 ? stored[^1].Sequence : 0);
        var path = new ConversationPath(await log.ReadForksAsync(id, cancellationToken), newest, state.PathTip, state.PathTipAt);
        var window = await new PathReader(id, log, options.WindowSize).WindowAsync(path, path.Tip);
        return new Conversation(state, window, options, [.. earlier, .. stored], path);
    }
}
