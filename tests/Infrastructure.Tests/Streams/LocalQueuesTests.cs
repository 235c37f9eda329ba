using System.Net;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Silo.Streams;
using Orleans.Configuration;
using Orleans.Streams;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Streams;

public sealed class LocalQueuesTests
{
    // Orleans' own mapper, as the memory adapter makes it.
    private static readonly HashRingBasedStreamQueueMapper Mapper = new(new HashRingStreamQueueMapperOptions { TotalQueueCount = 8 }, ConversationStreams.ProviderName);

    private static readonly SiloAddress[] Silos = [.. Enumerable.Range(1, 3).Select(i => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11110 + i), i))];

    [Fact]
    public void A_conversation_is_placed_on_the_silo_whose_dealt_queues_hold_its_streams_queue()
    {
        var queues = Mapper.GetAllQueues().ToList();
        var local = new LocalQueues();
        local.UseMapper(Mapper);
        local.Set(Silos, queues, EvenQueueSplit.QueuesOf(Silos[0], Silos, queues));

        var readers = Enumerable.Range(0, 300).Select(_ => StreamId.Create(ConversationStreams.Namespace, Guid.NewGuid()))
            .Select(stream => (Queue: Mapper.GetQueueForStream(stream), Reader: local.ReaderOf(stream), Here: local.Reads(stream))).ToList();

        readers.ShouldAllBe(r => EvenQueueSplit.QueuesOf(r.Reader!, Silos, queues).Contains(r.Queue));
        readers.ShouldAllBe(r => r.Here == r.Reader!.Equals(Silos[0]));
        readers.Select(r => r.Reader).Distinct().Count().ShouldBe(3, "random conversations go to every silo");
    }

    [Fact]
    public void With_more_silos_than_queues_no_silo_is_named_so_that_none_is_left_idle()
    {
        var mapper = new HashRingBasedStreamQueueMapper(new HashRingStreamQueueMapperOptions { TotalQueueCount = 2 }, ConversationStreams.ProviderName);
        var queues = mapper.GetAllQueues().ToList();
        var local = new LocalQueues();
        local.UseMapper(mapper);
        local.Set(Silos, queues, EvenQueueSplit.QueuesOf(Silos[0], Silos, queues));

        Enumerable.Range(0, 20).Select(_ => local.ReaderOf(StreamId.Create(ConversationStreams.Namespace, Guid.NewGuid()))).ShouldAllBe(reader => reader == null);
        local.Set(Silos.Take(2).ToList(), queues, EvenQueueSplit.QueuesOf(Silos[0], Silos.Take(2).ToList(), queues));
        local.ReaderOf(StreamId.Create(ConversationStreams.Namespace, Guid.NewGuid())).ShouldNotBeNull("as many silos as queues");
    }

    [Fact]
    public void Before_the_first_deal_no_silo_is_named()
    {
        var local = new LocalQueues();
        local.ReaderOf(StreamId.Create(ConversationStreams.Namespace, Guid.NewGuid())).ShouldBeNull();
        local.UseMapper(Mapper);
        local.ReaderOf(StreamId.Create(ConversationStreams.Namespace, Guid.NewGuid())).ShouldBeNull();
    }
}
