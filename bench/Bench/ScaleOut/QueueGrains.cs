using System.Globalization;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>Where the memory-stream queue grains are active: each is polled every 10 ms by the silo that reads its queue.</summary>
public static class QueueGrains
{
    public static async Task<string> HostsAsync(IClusterClient client)
    {
        var statistics = await client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var hosts = statistics.Where(s => s.GrainType.Contains("MemoryStreamQueueGrain", StringComparison.Ordinal))
            .Select(s => $"{s.SiloAddress.Endpoint.Port.ToString(CultureInfo.InvariantCulture)}×{s.ActivationCount}");
        return $"{ConversationStreams.ProviderName} queue grains on silo ports {string.Join(", ", hosts)}";
    }
}
