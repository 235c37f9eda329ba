using ChatbotOrleans.Silo.Streams;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Streams;

public sealed class EvenQueueSplitTests
{
    private static readonly int[] Queues = [.. Enumerable.Range(0, 8)];

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 4)]
    [InlineData(4, 4)]
    [InlineData(3, 8)]
    [InlineData(4, 2)]
    public void Every_queue_goes_to_exactly_one_silo_and_the_counts_differ_by_at_most_one(int silos, int queues)
    {
        var active = Enumerable.Range(0, silos).Select(i => $"silo-{i}").ToArray();

        var split = active.Select(s => EvenQueueSplit.QueuesOf(s, active, Queues.Take(queues))).ToArray();

        split.SelectMany(q => q).Order().ShouldBe(Queues.Take(queues));
        (split.Max(q => q.Count) - split.Min(q => q.Count)).ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public void Silos_that_list_the_membership_in_different_orders_agree()
    {
        string[] seenByOne = ["b", "a", "c"];
        string[] seenByAnother = ["c", "b", "a"];

        EvenQueueSplit.QueuesOf("a", seenByOne, Queues).ShouldBe(EvenQueueSplit.QueuesOf("a", seenByAnother, Queues.Reverse()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_reader_of_each_queue_is_the_silo_it_is_dealt_to(int silos)
    {
        var active = Enumerable.Range(0, silos).Select(i => $"silo-{i}").Reverse().ToArray();

        var deal = EvenQueueSplit.Deal(active, Queues.Reverse());

        deal.Keys.Order().ShouldBe(Queues);
        foreach (var (queue, reader) in deal)
        {
            EvenQueueSplit.QueuesOf(reader, active, Queues).ShouldContain(queue);
        }
    }

    [Fact]
    public void No_silo_reads_a_queue_before_any_is_active_or_a_queue_not_dealt()
    {
        EvenQueueSplit.Deal(Array.Empty<string>(), Queues).ShouldBeEmpty();
        EvenQueueSplit.Deal(["a"], Queues).ContainsKey(99).ShouldBeFalse();
    }

    [Fact]
    public void A_silo_not_yet_active_or_leaving_reads_nothing() =>
        EvenQueueSplit.QueuesOf("d", ["a", "b"], Queues).ShouldBeEmpty();

    [Fact]
    public void A_silo_that_leaves_hands_its_queues_to_the_others()
    {
        string[] before = ["a", "b", "c", "d"];
        string[] after = ["a", "b", "c"];

        after.SelectMany(s => EvenQueueSplit.QueuesOf(s, after, Queues)).Order().ShouldBe(Queues);
        EvenQueueSplit.QueuesOf("d", after, Queues).ShouldBeEmpty();
        before.Sum(s => EvenQueueSplit.QueuesOf(s, before, Queues).Count).ShouldBe(Queues.Length);
    }
}
