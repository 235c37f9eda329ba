using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// The user messages of the last <see cref="ConversationOptions.SendIdempotencyPeriod"/> that the window of recent
/// messages has let go, so that a send retried after more messages than the window holds is still one message.
/// Only ids, numbers and times: the memory stays small whatever the texts, and the oldest go first past
/// <see cref="Capacity"/> (more sends in the period than the rate limits allow anyone).
/// </summary>
public sealed class SentIds(TimeSpan period)
{
    public const int Capacity = 4_096;

    private readonly Dictionary<MessageId, (long Sequence, DateTimeOffset SentAt)> _byId = [];
    private readonly Queue<MessageId> _order = new();

    public int Count => _byId.Count;

    /// <summary>Remembers the user messages among <paramref name="messages"/>.</summary>
    public void Remember(IEnumerable<ChatMessage> messages)
    {
        foreach (var message in messages)
        {
            Remember(message);
        }
    }

    /// <summary>Remembers a user message leaving the window (other messages are ignored).</summary>
    public void Remember(ChatMessage message)
    {
        if (message.Role != ChatRole.User || !_byId.TryAdd(message.Id, (message.Sequence, message.CreatedAt)))
        {
            return;
        }

        _order.Enqueue(message.Id);
        if (_order.Count > Capacity)
        {
            _byId.Remove(_order.Dequeue());
        }
    }

    /// <summary>
    /// The message stored under <paramref name="id"/> within the period, rebuilt with <paramref name="text"/> (a
    /// retried send carries the text it first had); null when there is none.
    /// </summary>
    public ChatMessage? Find(MessageId id, string text, DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && now - _byId[oldest].SentAt > period)
        {
            _byId.Remove(_order.Dequeue());
        }

        return _byId.TryGetValue(id, out var sent) ? new ChatMessage(id, sent.Sequence, ChatRole.User, text, sent.SentAt) : null;
    }
}
