using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Usage;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// The port to a language model: given the bounded context of a conversation, stream the reply.
/// Implemented in the silo by the OpenAI adapter and by the offline bot.
/// </summary>
public interface IChatModel
{
    /// <summary>The id stored with each reply and chosen by a conversation, e.g. "gpt-4o-mini" or "offline".</summary>
    string Name { get; }

    /// <summary>What the page shows for it.</summary>
    string DisplayName => Name;

    /// <summary>How many characters of context it takes, when it differs from the conversations' default.</summary>
    int? ContextCharacterBudget => null;

    /// <summary>The most tokens it writes in one reply, when it sets a maximum.</summary>
    int? MaxOutputTokens => null;

    /// <summary>Whether this is the offline stand-in rather than a real model.</summary>
    bool IsOffline { get; }

    /// <summary>
    /// Streams the reply to the last user turn of <paramref name="context"/> as text fragments, in order.
    /// Cancelling stops the upstream request. Throws <see cref="ChatModelException"/> for a failure the
    /// user should see (rate limited, unavailable, bad response).
    /// </summary>
    IAsyncEnumerable<string> StreamReplyAsync(IReadOnlyList<ChatTurn> context, CancellationToken cancellationToken);

    /// <summary>Streams like the overload without a receipt, and hands the endpoint's usage report, if any, to <paramref name="usage"/>.</summary>
    IAsyncEnumerable<string> StreamReplyAsync(IReadOnlyList<ChatTurn> context, UsageReceipt usage, CancellationToken cancellationToken) =>
        StreamReplyAsync(context, cancellationToken);

    /// <summary>Counts a reply's tokens from its text, for when the endpoint reported none (or the reply was stopped).</summary>
    TokenUsage EstimateUsage(IReadOnlyList<ChatTurn> context, string reply) => TokenEstimate.Of(context, reply);
}
