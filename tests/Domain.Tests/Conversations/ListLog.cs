using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;

namespace ChatbotOrleans.Domain.Tests.Conversations;

/// <summary>A message log in a list, counting its reads.</summary>
internal sealed class ListLog(IEnumerable<ChatMessage> messages) : IMessageLog
{
    public List<ChatMessage> Messages { get; } = [.. messages];

    public int Reads { get; private set; }

    public Task<IReadOnlyList<ChatMessage>> ReadAsync(ConversationId conversation, long beforeSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult<IReadOnlyList<ChatMessage>>([.. Messages.Where(m => m.Sequence < beforeSequence).TakeLast(maxCount)]);
    }

    public Task AppendAsync(ConversationId conversation, ChatMessage message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ChatMessage>> ReadAfterAsync(ConversationId conversation, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult<IReadOnlyList<ChatMessage>>([.. Messages.Where(m => m.Sequence > afterSequence).Take(maxCount)]);
    }

    public Task<IReadOnlyList<ChatMessage>> ReadRangeAsync(
        ConversationId conversation, long fromSequence, long toSequence, int maxCount, bool newest, CancellationToken cancellationToken = default)
    {
        Reads++;
        var range = Messages.Where(m => m.Sequence >= fromSequence && m.Sequence <= toSequence);
        return Task.FromResult<IReadOnlyList<ChatMessage>>([.. newest ? range.TakeLast(maxCount) : range.Take(maxCount)]);
    }

    public Task<IReadOnlyList<(long Sequence, long Parent)>> ReadForksAsync(ConversationId conversation, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult<IReadOnlyList<(long, long)>>([.. Messages.Where(m => m.Parent is not null).Select(m => (m.Sequence, m.Parent!.Value))]);
    }

    public Task DeleteAsync(ConversationId conversation, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ConversationId>> FindUnansweredAsync(DateTimeOffset since, DateTimeOffset until, int maxCount, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
