using System.Net;
using ChatbotOrleans.Grains.Abstractions;
using Orleans.Configuration;
using Orleans.Streams;

namespace ChatbotOrleans.Infrastructure.Tests.Streams;

/// <summary>Orleans' own queue mapper, as the memory adapter makes it, and silo addresses to deal its queues to.</summary>
internal static class StreamQueues
{
    public static HashRingBasedStreamQueueMapper Mapper(int queues) =>
        new(new HashRingStreamQueueMapperOptions { TotalQueueCount = queues }, ConversationStreams.ProviderName);

    public static SiloAddress[] Silos(int count) =>
        [.. Enumerable.Range(1, count).Select(i => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11110 + i), i))];

    public static StreamId NewConversationStream() => StreamId.Create(ConversationStreams.Namespace, Guid.NewGuid());
}
