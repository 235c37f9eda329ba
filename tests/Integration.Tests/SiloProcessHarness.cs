using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace ChatbotOrleans.Integration.Tests;

/// <summary>The app's processes plus an Orleans client in this process, connected as the web tier is.</summary>
public sealed class SiloProcessHarness : IAsyncDisposable
{
    private IHost? _client;

    private SiloProcessHarness(AppTopology topology) => Topology = topology;

    public AppTopology Topology { get; }

    public IClusterClient Client => _client?.Services.GetRequiredService<IClusterClient>()
        ?? throw new InvalidOperationException("Connect the client first.");

    public static async Task<SiloProcessHarness> CreateAsync(PostgresServerFixture postgres, CancellationToken cancellationToken) =>
        new(await AppTopology.CreateAsync(postgres, cancellationToken));

    /// <summary>Starts the client; <paramref name="configure"/> may tune it further (timeouts for fault tests).</summary>
    public async Task<IClusterClient> ConnectClientAsync(CancellationToken cancellationToken, Action<IClientBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = Topology.ConnectionString;
            });
            client.AddMemoryStreams(ConversationStreams.ProviderName);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = Topology.ClusterId;
                o.ServiceId = "chatbot";
            });
            configure?.Invoke(client);
        });
        _client = builder.Build();
        await _client.StartAsync(cancellationToken);
        return Client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        await Topology.DisposeAsync();
    }
}
