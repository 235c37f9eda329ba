using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Email;
using ChatbotOrleans.Grains.Users;
using ChatbotOrleans.Silo.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Metadata;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// What a silo keeps in memory besides the conversations: helper activations are collected soon after
/// their last call, and delivered stream events leave the cache (the benchmark's section 5 measures the sizes).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ActivationLifetimeTests(ClusterFixture fixture)
{
    private IServiceProvider Silo => fixture.Cluster.Silos[0].ServiceProvider;

    [Fact]
    public void Per_user_helper_grains_are_collected_two_minutes_after_their_last_call_not_after_the_default_quarter_hour()
    {
        GrainId[] helpers =
        [
            fixture.Client.GetGrain<ISendRateGrain>(Guid.NewGuid()).GetGrainId(),
            fixture.Client.GetGrain<IAccountGrain>("someone@example.com").GetGrainId(),
            fixture.Client.GetGrain<ISignInLinkGrain>(Guid.NewGuid()).GetGrainId(),
            fixture.Client.GetGrain<IEmailOutboxGrain>(Guid.NewGuid()).GetGrainId(),
        ];
        var properties = Silo.GetRequiredService<GrainPropertiesResolver>();

        foreach (var helper in helpers)
        {
            properties.GetGrainProperties(helper.Type).Properties.TryGetValue(WellKnownGrainTypeProperties.IdleDeactivationPeriod, out var period)
                .ShouldBeTrue($"{helper.Type} has no collection age of its own");
            TimeSpan.Parse(period!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(TimeSpan.FromMinutes(2), helper.Type.ToString());
        }
    }

    [Fact]
    public void The_stream_pub_sub_grain_is_collected_after_two_idle_minutes_under_the_name_Orleans_gives_its_class()
    {
        var collection = Silo.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;

        collection.ClassSpecificCollectionAge.ShouldContainKeyAndValue(StreamHostingExtensions.PubSubRendezvousGrainType, TimeSpan.FromMinutes(2));

        // Orleans looks the age up by the class's full name: a renamed class would silently keep the default.
        typeof(Orleans.Streams.StreamSubscriptionHandle<>).Assembly.GetType(StreamHostingExtensions.PubSubRendezvousGrainType)
            .ShouldNotBeNull().IsAssignableTo(typeof(Grain)).ShouldBeTrue();
    }

    [Fact]
    public void Delivered_conversation_events_stay_in_the_silos_stream_cache_for_half_a_minute_not_for_half_an_hour()
    {
        var eviction = Silo.GetRequiredService<IOptionsMonitor<StreamCacheEvictionOptions>>().Get(ConversationStreams.ProviderName);

        eviction.DataMinTimeInCache.ShouldBe(TimeSpan.FromSeconds(30));
        eviction.DataMaxAgeInCache.ShouldBe(TimeSpan.FromSeconds(30));
    }
}
