using System.Collections.Concurrent;
using System.Globalization;
using ChatbotOrleans.LocalRun;
using ChatbotOrleans.TestSupport.FakeOpenAI;

namespace ChatbotOrleans.TestSupport;

/// <summary>
/// The production topology in miniature: a fresh database migrated by the silo's own `migrate`
/// command, silo and frontend processes started from their build output, and the real OpenAI adapter
/// pointed at the in-test fake model. Each topology has its own cluster id.
/// </summary>
public sealed class AppTopology : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly List<AppProcess> _processes = [];
    private readonly RepositoryLayout _layout = RepositoryLayout.Find();

    private AppTopology(string connectionString, FakeOpenAIServer model)
    {
        ConnectionString = connectionString;
        Model = model;
    }

    public string ConnectionString { get; }

    public string ClusterId { get; } = "t-" + Guid.NewGuid().ToString("N")[..8];

    public FakeOpenAIServer Model { get; }

    /// <summary>Every line the processes printed, prefixed with the process name: for failure messages.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    /// <summary>Every process started so far (silos, frontends), in start order.</summary>
    public IReadOnlyList<AppProcess> Processes => _processes;

    public static async Task<AppTopology> CreateAsync(PostgresServerFixture postgres, CancellationToken cancellationToken) =>
        await CreateAsync(await postgres.CreateDatabaseAsync(cancellationToken), cancellationToken);

    /// <summary>A topology on an existing, empty database (the benchmark brings its own server).</summary>
    public static async Task<AppTopology> CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var model = await FakeOpenAIServer.StartAsync(cancellationToken);
        return new AppTopology(connectionString, model);
    }

    /// <summary>Runs `silo migrate` and returns its exit code and output.</summary>
    public Task<(int ExitCode, string Output)> MigrateAsync(CancellationToken cancellationToken) =>
        RunSiloCommandAsync(cancellationToken, "migrate");

    /// <summary>Runs the silo's command line with this topology's configuration; returns its exit code and output.</summary>
    public Task<(int ExitCode, string Output)> RunSiloCommandAsync(CancellationToken cancellationToken, params string[] arguments) =>
        RunSiloCommandAsync(new Dictionary<string, string?>(), arguments, cancellationToken);

    /// <summary>Runs the silo's command line with this topology's configuration, <paramref name="settings"/> overriding it.</summary>
    public async Task<(int ExitCode, string Output)> RunSiloCommandAsync(
        IReadOnlyDictionary<string, string?> settings, string[] arguments, CancellationToken cancellationToken)
    {
        var environment = Environment();
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var lines = new ConcurrentQueue<string>();
        var process = AppProcess.Start(arguments[0], _layout.SiloAssembly, _layout.SiloDirectory, environment, lines.Enqueue, arguments);
        await process.Exited.WaitAsync(cancellationToken);
        return (process.ExitCode, string.Join('\n', lines));
    }

    /// <summary>Starts a silo and waits until it is an active cluster member (run <see cref="MigrateAsync"/> first).</summary>
    public Task<(AppProcess Process, Uri Url)> StartSiloAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var environment = Environment();
        environment["Orleans__SiloPort"] = FreePort.Any().ToString(CultureInfo.InvariantCulture);
        environment["Orleans__GatewayPort"] = FreePort.Any().ToString(CultureInfo.InvariantCulture);
        return StartAsync($"silo{_processes.Count}", _layout.SiloAssembly, _layout.SiloDirectory, environment, settings, waitUntilReady: true, cancellationToken);
    }

    /// <summary>
    /// Starts the web frontend and returns its base address; unless told otherwise, first waits until
    /// it has a gateway to the cluster.
    /// </summary>
    public async Task<Uri> StartFrontendAsync(
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null, bool waitUntilReady = true)
    {
        var (_, url) = await StartAsync("web", _layout.FrontendAssembly, _layout.FrontendDirectory, Environment(), settings, waitUntilReady, cancellationToken);
        return url;
    }

    /// <summary>
    /// Starts the frontend as deployed: published (<see cref="PublishedFrontend"/>), in Production, serving
    /// Blazor's framework files, which a browser needs; waits until it has a gateway to the cluster.
    /// </summary>
    public async Task<Uri> StartPublishedFrontendAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var assembly = await PublishedFrontend.AssemblyAsync();
        var (_, url) = await StartAsync("web", assembly, Path.GetDirectoryName(assembly)!, Environment(), settings, waitUntilReady: true, cancellationToken);
        return url;
    }

    private async Task<(AppProcess Process, Uri Url)> StartAsync(
        string name, string assembly, string directory, Dictionary<string, string?> environment,
        IReadOnlyDictionary<string, string?>? settings, bool waitUntilReady, CancellationToken cancellationToken)
    {
        environment["Urls"] = $"http://127.0.0.1:{FreePort.Any()}";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        var url = new Uri(environment["Urls"]!.TrimEnd('/') + "/");

        var process = AppProcess.Start(name, assembly, directory, environment, Output.Enqueue);
        _processes.Add(process);
        try
        {
            await process.WaitUntilHealthyAsync(new Uri(url, waitUntilReady ? "health/ready" : "health/live"), StartTimeout, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            // Its own last lines: with several processes the shared output's last lines may all be another's.
            var own = Output.Where(line => line.StartsWith($"[{name}]", StringComparison.Ordinal)).TakeLast(40);
            throw new InvalidOperationException($"{exception.Message}\n{string.Join('\n', own)}", exception);
        }

        return (process, url);
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

        // Required outside Development; tests that follow links set the frontend's address instead.
        ["Email__PublicUrl"] = "http://127.0.0.1:9",
        ["DataProtection__Certificate"] = TestKeyRingCertificate.Pem,

        // Every page of the suite signs a new user in from 127.0.0.1: one network making more accounts and messages
        // than one person may. The budgets themselves are tested at grain level (BudgetAttackTests) with small ones.
        ["Budgets__MaxNewAccountsPerHour"] = "1000000",
        ["Budgets__MaxNewAccountsPerNetworkPerHour"] = "1000000",
        ["Budgets__MaxMessagesPerMinute"] = "1000000",
        ["Budgets__MaxMessagesPerNetworkPerMinute"] = "1000000",

        // Each user keeps production's daily tokens (200,000, which the usage display shows); all of them together
        // spend more than production's day in a run of the suite.
        ["Budgets__MaxTokensPerDay"] = "2147483647",
    };

    public async ValueTask DisposeAsync()
    {
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            await _processes[i].DisposeAsync();
        }

        await Model.DisposeAsync();
    }
}
