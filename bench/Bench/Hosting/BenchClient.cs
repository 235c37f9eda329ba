using ChatbotOrleans.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace ChatbotOrleans.Bench.Hosting;

/// <summary>The bench's Orleans client: ADO.NET clustering on the same database and the chat's memory streams, as the frontend has.</summary>
public sealed class BenchClient : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchClient(IHost host) => _host = host;

    public IClusterClient Cluster => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Connects; <c>configure</c> adds client settings (e.g. a shorter response timeout for a run that kills silos).</summary>
    public static async Task<BenchClient> ConnectAsync(string connectionString, string clusterId, CancellationToken ct, Action<IClientBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            client.AddMemoryStreams(ConversationStreams.ProviderName, streams => streams.ConfigurePartitioning(ConversationStreams.QueueCount));
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = "chatbot";
            });
            configure?.Invoke(client);
        });
        var host = builder.Build();
        await host.StartAsync(ct);
        return new BenchClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The silo may already be gone; nothing to wait for.
        }

        _host.Dispose();
    }
}
