using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Silo.Streams;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// A conversation's events need not leave its silo: a new one starts beside its user, with an id whose stream queue
/// that silo reads; one activated again starts on that queue's reader; and the queue's grain lives there too.
/// </summary>
public sealed class StreamLocalityTests(TwoSiloClusterFixture fixture) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task Each_new_conversation_starts_on_the_silo_that_reads_its_stream_queue_on_both_silos()
    {
        var silos = await DealtAsync();

        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        List<(Guid Conversation, SiloAddress? Host)> hosts = [];
        for (var i = 0; i < 8; i++)
        {
            var (_, conversation) = await fixture.NewConversationAsync();
            hosts.Add((conversation.GetPrimaryKey(), await management.GetActivationAddress(conversation, TestContext.Current.CancellationToken)));
        }

        hosts.Select(h => h.Host).Distinct().Count().ShouldBe(2, "users go to the silos in turn, so their chats start on both");
        EachOnItsReader(silos, hosts, "");
    }

    [Fact]
    public async Task A_conversation_activated_again_through_the_client_starts_on_the_silo_that_reads_its_stream_queue()
    {
        var silos = await DealtAsync();

        // The client's calls go in through both silos' gateways; the called silo places a grain that is not active.
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        List<(Guid Conversation, SiloAddress? Host)> hosts = [];
        for (var i = 0; i < 8; i++)
        {
            var (user, conversation) = await fixture.NewConversationAsync();
            await fixture.Cluster.DeactivateAsync(conversation);
            await fixture.Cluster.WaitForDeactivationAsync(conversation);
            (await conversation.GetSnapshotAsync(user)).ShouldNotBeNull();
            hosts.Add((conversation.GetPrimaryKey(), await management.GetActivationAddress(conversation, TestContext.Current.CancellationToken)));
        }

        EachOnItsReader(silos, hosts, "activated again ");
    }

    [Fact]
    public async Task Each_silo_holds_the_grain_of_the_stream_queue_it_reads()
    {
        var keys = new MemoryQueueGrainKey(ConversationStreams.ProviderName);
        // Read once both silos are dealt their queue: the deal each made while it was alone holds both.
        var reads = (await DealtAsync()).Select(s => (s.SiloAddress, s.Queues.Mine)).ToList();

        // The reader polls its queue's grain at every poll period: moved beside it, no poll crosses a socket.
        var expected = string.Join(", ", reads.SelectMany(r => r.Mine.Select(q => $"{keys.Of(q)} on {r.SiloAddress}")).Order());
        await Poll.UntilAsync(QueueGrainsAsync, actual => actual == expected, TimeSpan.FromSeconds(30), $"each queue grain to sit on the silo that reads its queue ({expected})");
    }

    [Fact]
    public async Task A_queue_grain_pulled_away_from_its_reader_after_it_settled_is_brought_back()
    {
        var keys = new MemoryQueueGrainKey(ConversationStreams.ProviderName);
        var silos = await DealtAsync();
        var (reader, other) = (silos[0], silos[1]);
        var grain = fixture.Client.GetGrain<IMemoryStreamQueueGrain>(keys.Of(reader.Queues.Mine.Single()));
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        await Poll.UntilAsync(async () => await management.GetActivationAddress(grain, TestContext.Current.CancellationToken), where => reader.SiloAddress.Equals(where), TimeSpan.FromSeconds(30), "the grain to settle on its reader");

        // As a silo does that has not yet seen the latest membership: it deals itself every queue and pulls their grains.
        await fixture.Cluster.MigrateAsync(grain, other.SiloAddress);

        // Watched without a pause: the reader looks only every few seconds once settled, so the grain is seen away first.
        var seenAway = false;
        await Poll.UntilAsync<(bool SeenAway, SiloAddress? Where)>(async () =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(1);
            SiloAddress? where;
            do
            {
                where = await management.GetActivationAddress(grain, TestContext.Current.CancellationToken);
                seenAway |= other.SiloAddress.Equals(where);
            }
            while (!(seenAway && reader.SiloAddress.Equals(where)) && DateTime.UtcNow < deadline);
            return (seenAway, where);
        }, w => w.SeenAway && reader.SiloAddress.Equals(w.Where), TimeSpan.FromSeconds(30), $"the grain pulled to {other.SiloAddress} to come back to {reader.SiloAddress}");
    }

    // Each silo reads one of the two queues once both balancers have seen both silos.
    private async Task<List<(SiloAddress SiloAddress, LocalQueues Queues)>> DealtAsync()
    {
        var silos = fixture.Cluster.Silos.Select(s => (s.SiloAddress, Queues: s.ServiceProvider.GetRequiredKeyedService<LocalQueues>(ConversationStreams.ProviderName))).ToList();
        await Poll.UntilAsync(() => Task.FromResult(silos.Select(s => s.Queues.Mine.Count).ToList()), counts => counts.All(c => c == 1), TimeSpan.FromSeconds(30), "each silo to read one queue");
        return silos;
    }

    private static void EachOnItsReader(List<(SiloAddress SiloAddress, LocalQueues Queues)> silos, List<(Guid Conversation, SiloAddress? Host)> hosts, string how)
    {
        foreach (var (conversation, host) in hosts)
        {
            silos.Single(s => s.SiloAddress.Equals(host)).Queues.Reads(StreamId.Create(ConversationStreams.Namespace, conversation))
                .ShouldBeTrue($"conversation {conversation}, {how}on {host}, streams through a queue another silo reads");
        }
    }

    private async Task<string> QueueGrainsAsync()
    {
        var statistics = await fixture.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return string.Join(", ", statistics.Where(s => s.GrainType.Contains("MemoryStreamQueueGrain", StringComparison.Ordinal))
            .Select(s => $"{(s.GrainId.TryGetGuidKey(out var key, out _) ? key : Guid.Empty)} on {s.SiloAddress}").Order());
    }
}
