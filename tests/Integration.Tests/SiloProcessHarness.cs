using System.Collections.Concurrent;
using System.Globalization;
using ChatbotOrleans.DevHost;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using ChatbotOrleans.TestSupport.FakeOpenAI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace ChatbotOrleans.Integration.Tests;

/// <summary>
/// The production topology in miniature: a fresh database migrated by the silo's own `migrate`
/// command, silo processes started from their build output with the real OpenAI adapter pointed at
/// the in-test fake, and an Orleans client in this process, as the web tier has.
/// </summary>
public sealed class SiloProcessHarness : IAsyncDisposable
{
    private readonly List<AppProcess> _silos = [];
    private readonly RepositoryLayout _layout = RepositoryLayout.Find();
    private IHost? _client;

    private SiloProcessHarness(string connectionString, FakeOpenAIServer model)
    {
        ConnectionString = connectionString;
        Model = model;
    }

    public string ConnectionString { get; }

    public string ClusterId { get; } = "it-" + Guid.NewGuid().ToString("N")[..8];

    public FakeOpenAIServer Model { get; }

    public ConcurrentQueue<string> Output { get; } = new();

    public IClusterClient Client => _client?.Services.GetRequiredService<IClusterClient>()
        ?? throw new InvalidOperationException("Connect the client first.");

    public static async Task<SiloProcessHarness> CreateAsync(PostgresServerFixture postgres, CancellationToken cancellationToken)
    {
        var connectionString = await postgres.CreateDatabaseAsync(cancellationToken);
        var model = await FakeOpenAIServer.StartAsync(cancellationToken);
        return new SiloProcessHarness(connectionString, model);
    }

    /// <summary>Runs `silo migrate` and returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> MigrateAsync(CancellationToken cancellationToken)
    {
        var lines = new ConcurrentQueue<string>();
        var process = AppProcess.Start("migrate", _layout.SiloAssembly, _layout.SiloDirectory, Environment(), lines.Enqueue, "migrate");
        await process.Exited.WaitAsync(cancellationToken);
        return (process.ExitCode, string.Join('\n', lines));
    }

    public async Task<AppProcess> StartSiloAsync(CancellationToken cancellationToken)
    {
        var httpPort = FreePort.Any();
        var environment = Environment();
        environment["Urls"] = $"http://127.0.0.1:{httpPort}";
        environment["Orleans__SiloPort"] = FreePort.Any().ToString(CultureInfo.InvariantCulture);
        environment["Orleans__GatewayPort"] = FreePort.Any().ToString(CultureInfo.InvariantCulture);
        var silo = AppProcess.Start($"silo{_silos.Count}", _layout.SiloAssembly, _layout.SiloDirectory, environment, Output.Enqueue);
        _silos.Add(silo);
        await silo.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{httpPort}/health/ready"), TimeSpan.FromSeconds(90), cancellationToken);
        return silo;
    }

    public async Task<IClusterClient> ConnectClientAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = ConnectionString;
            });
            client.AddMemoryStreams(ConversationStreams.ProviderName);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = "chatbot";
            });
        });
        _client = builder.Build();
        await _client.StartAsync(cancellationToken);
        return Client;
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["ConnectionStrings__Orleans"] = ConnectionString,
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Orleans__ClusterId"] = ClusterId,
        ["OpenAI__ApiKey"] = "test-key",
        ["OpenAI__Endpoint"] = Model.Endpoint.ToString(),
        ["OpenAI__Model"] = "fake-model",
    };

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await Model.DisposeAsync();
    }
}
