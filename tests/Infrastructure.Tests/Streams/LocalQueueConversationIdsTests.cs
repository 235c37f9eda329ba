using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Silo.Streams;
using Orleans.Streams;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Streams;

public sealed class LocalQueueConversationIdsTests
{
    // Orleans' own mapper, as the memory adapter makes it, so these ids meet the queues the silos really use.
    private static readonly HashRingBasedStreamQueueMapper Mapper = StreamQueues.Mapper(4);

    private static readonly QueueId[] Queues = [.. Mapper.GetAllQueues().Order()];

    private static readonly SiloAddress[] Silos = StreamQueues.Silos(2);

    [Fact]
    public void Every_new_conversation_streams_through_a_queue_this_silo_reads()
    {
        var local = new LocalQueues();
        local.UseMapper(Mapper);
        // The second of two silos is dealt the second and fourth queue.
        local.Set(Silos[1], Silos, Queues);
        local.Mine.ShouldBe([Queues[1], Queues[3]], ignoreOrder: true);
        var ids = new LocalQueueConversationIds(local);

        var queues = Enumerable.Range(0, 400).Select(_ => QueueOf(ids.Next())).ToList();

        queues.ShouldAllBe(q => q == Queues[1] || q == Queues[3]);
        // Both of them, not one: the ids are still drawn at random.
        queues.Count(q => q == Queues[1]).ShouldBeInRange(120, 280);
    }

    [Fact]
    public void A_silo_that_reads_no_queue_still_makes_fresh_random_ids()
    {
        var local = new LocalQueues();
        local.UseMapper(Mapper);
        local.Set(StreamQueues.Silos(3)[2], Silos, Queues);
        var ids = new LocalQueueConversationIds(local);

        var made = Enumerable.Range(0, 400).Select(_ => ids.Next()).ToList();

        made.Distinct().Count().ShouldBe(400);
        made.Select(QueueOf).Distinct().Count().ShouldBe(4);
        made.ShouldAllBe(id => id.Value.Version == 7);
    }

    [Fact]
    public void Before_the_balancer_has_dealt_any_queue_ids_are_made_as_usual()
    {
        var ids = new LocalQueueConversationIds(new LocalQueues());

        Enumerable.Range(0, 100).Select(_ => QueueOf(ids.Next())).Distinct().Count().ShouldBe(4);
    }

    private static QueueId QueueOf(ConversationId id) => Mapper.GetQueueForStream(StreamId.Create(ConversationStreams.Namespace, id.Value));
}
