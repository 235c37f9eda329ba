using ChatbotOrleans.Grains.Abstractions;
using Orleans.Concurrency;

namespace ChatbotOrleans.Grains.Conversations;

public sealed class ConversationPageGrain(
    [PersistentState("conversationPage", StorageNames.Chat)] IPersistentState<ConversationPageState> page)
    : Grain, IConversationPageGrain
{
    public static string KeyFor(int pageIndex) => FormattableString.Invariant($"page-{pageIndex}");

    public async Task WriteAsync(IReadOnlyList<ChatMessage> messages)
    {
        page.State.Messages = [.. messages];
        await page.WriteStateAsync();
    }

    public async Task ClearAsync()
    {
        await page.ClearStateAsync();
        DeactivateOnIdle();
    }

    [ReadOnly]
    public Task<IReadOnlyList<ChatMessage>> ReadAsync() => Task.FromResult<IReadOnlyList<ChatMessage>>(page.State.Messages);
}
