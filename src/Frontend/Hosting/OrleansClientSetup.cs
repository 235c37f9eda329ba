using ChatbotOrleans.Grains.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>The Orleans client of the frontend: ADO.NET clustering on PostgreSQL and the chat's memory streams.</summary>
internal static partial class OrleansClientSetup
{
    public static IHostApplicationBuilder AddFrontendOrleansClient(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<OrleansClientOptions>()
            .Bind(configuration.GetSection(OrleansClientOptions.SectionName))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(OrleansClientOptions.ConnectionStringName) ?? string.Empty)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The client blocks in StartAsync until a gateway answers; starting the hosted services together lets
        // Kestrel serve /health/live (and /health/ready say 503) meanwhile instead of the process hanging silently.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);

        var monitor = new ClusterConnectionMonitor();
        builder.Services.AddSingleton(monitor);
        builder.Services.AddHostedService<ClusterReconnector>();
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringClientOptions> clustering) =>
                clustering.Configure<IOptions<OrleansClientOptions>>((o, source) =>
                {
                    o.Invariant = PostgresXmlRepository.Invariant;
                    o.ConnectionString = source.Value.ConnectionString;
                }));
            client.Services.AddOptions<ClusterOptions>().Configure<IOptions<OrleansClientOptions>>((o, source) =>
            {
                o.ClusterId = source.Value.ClusterId;
                o.ServiceId = source.Value.ServiceId;
            });
            client.AddMemoryStreams(ConversationStreams.ProviderName, streams => streams.ConfigurePartitioning(ConversationStreams.QueueCount));

            client.AddClusterConnectionStatusObserver(monitor);
            client.UseConnectionRetryFilter<RetryConnectingForever>();

            // Carries the page's trace context into grain calls; without a listener it creates no activity.
            client.AddActivityPropagation();
        });
        return builder;
    }
}
