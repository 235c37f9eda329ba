using ChatbotOrleans.Silo.Streams;
using Orleans.Streams;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Streams;

public sealed class LocalQueuesTests
{
    private static readonly HashRingBasedStreamQueueMapper Mapper = StreamQueues.Mapper(8);

    private static readonly SiloAddress[] Silos = StreamQueues.Silos(3);

    [Fact]
    public void A_conversation_is_placed_on_the_silo_whose_dealt_queues_hold_its_streams_queue()
    {
        var queues = Mapper.GetAllQueues().ToList();
        var local = new LocalQueues();
        local.UseMapper(Mapper);
        local.Set(Silos[0], Silos, queues);

        var readers = Enumerable.Range(0, 300).Select(_ => StreamQueues.NewConversationStream())
            .Select(stream => (Queue: Mapper.GetQueueForStream(stream), Reader: local.ReaderOf(stream), Here: local.Reads(stream))).ToList();

        readers.ShouldAllBe(r => EvenQueueSplit.QueuesOf(r.Reader!, Silos, queues).Contains(r.Queue));
        readers.ShouldAllBe(r => r.Here == r.Reader!.Equals(Silos[0]));
        readers.Select(r => r.Reader).Distinct().Count().ShouldBe(3, "random conversations go to every silo");
    }

    [Fact]
    public void With_more_silos_than_queues_no_silo_is_named_so_that_none_is_left_idle()
    {
        var mapper = StreamQueues.Mapper(2);
        var queues = mapper.GetAllQueues().ToList();
        var local = new LocalQueues();
        local.UseMapper(mapper);
        local.Set(Silos[0], Silos, queues);

        Enumerable.Range(0, 20).Select(_ => local.ReaderOf(StreamQueues.NewConversationStream())).ShouldAllBe(reader => reader == null);
        local.Set(Silos[0], Silos.Take(2).ToList(), queues);
        local.ReaderOf(StreamQueues.NewConversationStream()).ShouldNotBeNull("as many silos as queues");
    }

    [Fact]
    public void Before_the_first_deal_no_silo_is_named()
    {
        var local = new LocalQueues();
        local.ReaderOf(StreamQueues.NewConversationStream()).ShouldBeNull();
        local.UseMapper(Mapper);
        local.ReaderOf(StreamQueues.NewConversationStream()).ShouldBeNull();
    }
}
