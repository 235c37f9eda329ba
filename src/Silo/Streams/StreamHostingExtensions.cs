using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Orleans.Configuration;

namespace ChatbotOrleans.Silo.Streams;

/// <summary>The conversations' and users' streams: Orleans' memory streams, read and placed as bench/results/scale-out.md found best.</summary>
internal static class StreamHostingExtensions
{
    /// <summary>Adds the memory stream provider every grain publishes to, with its queues dealt evenly over the silos.</summary>
    public static ISiloBuilder AddConversationStreams(this ISiloBuilder silo)
    {
        silo.AddMemoryStreams(ConversationStreams.ProviderName, streams =>
        {
            streams.ConfigurePartitioning(StreamQueueCount(silo.Configuration));
            streams.ConfigurePartitionBalancing(EvenQueueBalancer.Create);
            streams.ConfigurePullingAgent(agent => agent.Configure<IConfiguration>((o, configuration) =>
                o.GetQueueMsgsTimerPeriod = configuration.GetValue("Orleans:StreamPollPeriod", StreamPollPeriod)));
            streams.ConfigureCacheEviction(cache => cache.Configure(o =>
            {
                o.DataMinTimeInCache = StreamCacheTime;
                o.DataMaxAgeInCache = StreamCacheTime;
            }));
        });
        silo.Services.AddKeyedSingleton<LocalQueues>(ConversationStreams.ProviderName);
        silo.Services.AddSingleton<IConversationIds>(services =>
            new LocalQueueConversationIds(services.GetRequiredKeyedService<LocalQueues>(ConversationStreams.ProviderName)));
        silo.Services.AddPlacementDirector<ConversationPlacement, ConversationPlacementDirector>();
        silo.Configure<GrainCollectionOptions>(o => o.ClassSpecificCollectionAge[PubSubRendezvousGrainType] = PubSubRendezvousCollectionAge);
        return silo;
    }

    /// <summary>
    /// The memory-stream queues (<c>Orleans:StreamQueueCount</c>, default <see cref="ConversationStreams.QueueCount"/>).
    /// Each queue is read by one silo, dealt out evenly (<see cref="EvenQueueBalancer"/>), so a cluster wants at least
    /// as many queues as silos; every silo of a cluster must use the same count, since the publishing silo picks the queue.
    /// </summary>
    private static int StreamQueueCount(IConfiguration configuration)
    {
        var count = configuration.GetValue("Orleans:StreamQueueCount", ConversationStreams.QueueCount);
        return count is >= 1 and <= 256 ? count : throw new InvalidOperationException($"Orleans:StreamQueueCount must be 1–256, not {count}.");
    }

    /// <summary>
    /// How often each memory-stream queue is read when it was last found empty (<c>Orleans:StreamPollPeriod</c>
    /// overrides it). A page waits up to one period for each event, so Orleans' default period was most of a
    /// message's latency; a shorter period costs idle CPU (bench/results/settings.md).
    /// </summary>
    internal static readonly TimeSpan StreamPollPeriod = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// How long a stream event stays in the silo's queue cache. Orleans keeps events for rewinding consumers,
    /// and its memory grows with traffic; nothing here rewinds, but a subscriber further behind than this loses
    /// events without a word (StreamGapTests), so it is as long as a page on a loaded machine may lag
    /// (bench/results/settings.md).
    /// </summary>
    internal static readonly TimeSpan StreamCacheTime = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Orleans' stream pub-sub grain: one activation per stream (each conversation, each user) that is only
    /// called when a producer or a page subscribes or leaves; collected after two idle minutes instead of a
    /// quarter of an hour, it reads its row again at the next page that opens the chat.
    /// </summary>
    internal const string PubSubRendezvousGrainType = "Orleans.Streams.PubSubRendezvousGrain";

    internal static readonly TimeSpan PubSubRendezvousCollectionAge = TimeSpan.FromMinutes(2);
}
