using ChatbotOrleans.Grains.Conversations;

namespace ChatbotOrleans.Domain.Tests.Conversations;

/// <summary>A model that is only a name, for the rules that choose between models.</summary>
internal sealed class StubModel(string id, string displayName) : IChatModel
{
    public string Name => id;

    public string DisplayName => displayName;

    public bool IsOffline => false;

    public IAsyncEnumerable<string> StreamReplyAsync(IReadOnlyList<ChatTurn> context, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A stub writes nothing.");
}
