using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// A cluster of its own whose one stream queue keeps events for a second only, and whose client publishes into
/// that queue: a subscriber kept busy for a few seconds falls behind what the queue cache still holds. A delivery
/// that keeps failing is given up after two seconds.
/// </summary>
public sealed class StreamGapClusterFixture(PostgresServerFixture postgres) : ClusterFixture(postgres)
{
    public static readonly TimeSpan CacheTime = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan DeliveryTime = TimeSpan.FromSeconds(2);

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Services.Configure<HashRingStreamQueueMapperOptions>(ConversationStreams.ProviderName, o => o.TotalQueueCount = 1);
        silo.Services.Configure<StreamCacheEvictionOptions>(ConversationStreams.ProviderName, o =>
        {
            o.DataMinTimeInCache = CacheTime;
            o.DataMaxAgeInCache = CacheTime;
        });
        silo.Services.Configure<StreamPullingAgentOptions>(ConversationStreams.ProviderName, o => o.MaxEventDeliveryTime = DeliveryTime);
    }

    protected override void ConfigureClientStreams(IClientBuilder client) =>
        client.AddMemoryStreams(ConversationStreams.ProviderName, streams => streams.ConfigurePartitioning(1));
}
