using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// The newest messages of a conversation held in memory, oldest first, numbered as the log numbers them. It
/// keeps at least the window's size and never forgets a message still owed a reply, or any after it; what it
/// forgets it hands to <see cref="SentIds"/>, so a late retry of a send is still recognised.
/// </summary>
public sealed class RecentMessages(IEnumerable<ChatMessage> stored, int windowSize, SentIds forgotten)
{
    private readonly List<ChatMessage> _messages = [.. stored];

    public IReadOnlyList<ChatMessage> Items => _messages;

    public int Count => _messages.Count;

    public ChatMessage? Newest => _messages.Count > 0 ? _messages[^1] : null;

    public ChatMessage? Oldest => _messages.Count > 0 ? _messages[0] : null;

    public ChatMessage? FindUserMessage(MessageId id) => _messages.Find(m => m.Id == id && m.Role == ChatRole.User);

    public ChatMessage? NewestUserMessage() => _messages.FindLast(m => m.Role == ChatRole.User);

    public ChatMessage? LastReplyTo(MessageId userMessage) => _messages.FindLast(m => m.ReplyTo == userMessage);

    public bool HasReplyTo(MessageId userMessage, long afterSequence = 0) =>
        _messages.Exists(m => m.ReplyTo == userMessage && m.Sequence > afterSequence);

    /// <summary>Numbers the message after <paramref name="sequence"/>, holds it, and forgets the oldest beyond the window.</summary>
    public ChatMessage Append(ChatMessage message, long sequence, IReadOnlyCollection<MessageId> owed)
    {
        // Kept to the microsecond, as the log stores it, so a message reads back exactly as it was sent.
        var createdAt = message.CreatedAt.AddTicks(-(message.CreatedAt.Ticks % 10));
        var stored = message with { Sequence = sequence + 1, CreatedAt = createdAt };
        _messages.Add(stored);
        Trim(owed);
        return stored;
    }

    /// <summary>
    /// Up to <paramref name="maxCount"/> messages numbered below <paramref name="beforeSequence"/>: those held
    /// here, and how many older ones to read from the log before <c>ReadBefore</c>.
    /// </summary>
    public (IReadOnlyList<ChatMessage> Held, long ReadBefore, int ReadCount) Before(long beforeSequence, int maxCount)
    {
        var found = _messages.Where(m => m.Sequence < beforeSequence).ToList();
        var oldestHeld = found.Count > 0 ? found[0].Sequence : Math.Min(beforeSequence, Oldest?.Sequence ?? long.MaxValue);
        var readCount = found.Count < maxCount && oldestHeld > 1 ? maxCount - found.Count : 0;
        return (found.Count <= maxCount ? found : found.GetRange(found.Count - maxCount, maxCount), oldestHeld, readCount);
    }

    /// <summary>Lets go of the message numbered <paramref name="sequence"/> and all after it: a fork leaves them off the path.</summary>
    public void ForgetFrom(long sequence)
    {
        var index = _messages.FindIndex(m => m.Sequence >= sequence);
        if (index >= 0)
        {
            Forget(index, _messages.Count - index);
        }
    }

    /// <summary>Holds another branch's messages instead (versions were switched).</summary>
    public void Replace(IEnumerable<ChatMessage> messages)
    {
        Forget(0, _messages.Count);
        _messages.AddRange(messages);
    }

    private void Forget(int index, int count)
    {
        foreach (var message in _messages.GetRange(index, count))
        {
            forgotten.Remember(message);
        }

        _messages.RemoveRange(index, count);
    }

    private void Trim(IReadOnlyCollection<MessageId> owed)
    {
        var excess = _messages.Count - windowSize;
        if (excess <= 0)
        {
            return;
        }

        var oldestOwed = owed.Count == 0 ? long.MaxValue
            : _messages.Where(m => m.Role == ChatRole.User && owed.Contains(m.Id)).Select(m => m.Sequence).DefaultIfEmpty(long.MaxValue).Min();
        var removable = 0;
        while (removable < excess && _messages[removable].Sequence < oldestOwed)
        {
            removable++;
        }

        Forget(0, removable);
    }
}
