using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Search;

/// <summary>Full-text search over the message log, confined to the conversations the caller names.</summary>
public interface IMessageSearch
{
    /// <summary>
    /// The best <paramref name="maxCount"/> messages of <paramref name="conversations"/> matching
    /// <paramref name="query"/> (web-search syntax), best first, each with a headline whose matched words are
    /// wrapped in <see cref="Headline.StartMark"/> and <see cref="Headline.StopMark"/>. No other conversation's
    /// rows are read.
    /// </summary>
    Task<IReadOnlyList<MessageMatch>> SearchAsync(
        IReadOnlyCollection<ConversationId> conversations, string query, int maxCount, CancellationToken cancellationToken = default);
}
