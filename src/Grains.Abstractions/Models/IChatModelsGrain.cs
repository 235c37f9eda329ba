using Orleans.Concurrency;

namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>The models the operator configured, for the pages' picker. Use key 0.</summary>
[Alias("IChatModelsGrain")]
public interface IChatModelsGrain : IGrainWithIntegerKey
{
    /// <summary>The models offered, the default first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<ChatModelInfo>> ListAsync();
}
