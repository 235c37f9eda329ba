using ChatbotOrleans.Grains.Abstractions;
using Orleans.Concurrency;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>Tells pages which models are offered: ids and names only, never an endpoint or a key.</summary>
[StatelessWorker]
public sealed class ChatModelsGrain(IChatModels models) : Grain, IChatModelsGrain
{
    public Task<IReadOnlyList<ChatModelInfo>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ChatModelInfo>>(
            [.. models.All.Select(m => new ChatModelInfo(m.Name, m.DisplayName, m == models.Default, m.IsOffline))]);
}
