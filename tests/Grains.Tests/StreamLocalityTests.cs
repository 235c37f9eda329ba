using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Silo.Streams;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>Which silo reads which stream queue, and where the queues' grains live.</summary>
public sealed class StreamLocalityTests(TwoSiloClusterFixture fixture) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task Each_silo_holds_the_grain_of_the_stream_queue_it_reads()
    {
        var keys = new MemoryQueueGrainKey(ConversationStreams.ProviderName);
        var reads = fixture.Cluster.Silos.Select(s => (s.SiloAddress, s.ServiceProvider.GetRequiredKeyedService<LocalQueues>(ConversationStreams.ProviderName).Mine)).ToList();
        await Poll.UntilAsync(() => Task.FromResult(reads.Sum(r => r.Mine.Count)), count => count == 2, TimeSpan.FromSeconds(30), "the two queues to be dealt");

        // The reader polls its queue's grain every 10 ms: moved beside it, no poll crosses a socket.
        var expected = string.Join(", ", reads.SelectMany(r => r.Mine.Select(q => $"{keys.Of(q)} on {r.SiloAddress}")).Order());
        await Poll.UntilAsync(QueueGrainsAsync, actual => actual == expected, TimeSpan.FromSeconds(30), $"each queue grain to sit on the silo that reads its queue ({expected})");
    }

    private async Task<string> QueueGrainsAsync()
    {
        var statistics = await fixture.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return string.Join(", ", statistics.Where(s => s.GrainType.Contains("MemoryStreamQueueGrain", StringComparison.Ordinal))
            .Select(s => $"{(s.GrainId.TryGetGuidKey(out var key, out _) ? key : Guid.Empty)} on {s.SiloAddress}").Order());
    }
}
