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
        if (stored.Count == 0 || stored[0].Sequence <= 1 || stored[0].CreatedAt < since)
        {
            return new Conversation(state, stored, options);
        }

        var earlier = await log.ReadAsync(id, stored[0].Sequence, SentIds.Capacity, cancellationToken);
        return new Conversation(state, stored, options, [.. earlier.Where(m => m.CreatedAt >= since)]);
    }
}
