using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Usage;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// A model under the operator's id and display name, with its own context budget: the id stays stable in
/// stored replies when the upstream model name changes.
/// </summary>
public sealed class NamedChatModel(string id, string displayName, int? contextCharacterBudget, IChatModel inner) : IChatModel
{
    public string Name => id;

    public string DisplayName => displayName;

    public int? ContextCharacterBudget => contextCharacterBudget ?? inner.ContextCharacterBudget;

    public int? MaxOutputTokens => inner.MaxOutputTokens;

    public bool IsOffline => inner.IsOffline;

    /// <summary>The adapter that talks to the endpoint.</summary>
    public IChatModel Inner => inner;

    public IAsyncEnumerable<string> StreamReplyAsync(IReadOnlyList<ChatTurn> context, CancellationToken cancellationToken) =>
        inner.StreamReplyAsync(context, cancellationToken);

    public TokenUsage EstimateUsage(IReadOnlyList<ChatTurn> context, string reply) => inner.EstimateUsage(context, reply);

    // Forwarded, or the endpoint's usage report would be lost behind the wrapper and every reply estimated.
    public IAsyncEnumerable<string> StreamReplyAsync(IReadOnlyList<ChatTurn> context, UsageReceipt usage, CancellationToken cancellationToken) =>
        inner.StreamReplyAsync(context, usage, cancellationToken);
}
