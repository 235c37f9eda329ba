namespace ChatbotOrleans.DevHost;

/// <summary>The whole app on this machine: PostgreSQL (started here unless configured), a silo and the frontend.</summary>
public sealed class LocalStack : IAsyncDisposable
{
    private const string ConnectionVariable = "ConnectionStrings__Orleans";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    // dotnet watch builds and loads the projects for hot reload before the app starts.
    private static readonly TimeSpan WatchedStartTimeout = TimeSpan.FromMinutes(5);

    private readonly List<AppProcess> _processes = [];
    private LocalPostgres? _postgres;

    private LocalStack()
    {
    }

    public Uri WebUrl { get; private set; } = null!;

    public Uri DashboardUrl { get; private set; } = null!;

    /// <summary>Starts everything; with <paramref name="watch"/> the silo and the frontend run under dotnet watch.</summary>
    public static async Task<LocalStack> StartAsync(RepositoryLayout layout, int webPort, bool watch, Action<string> log, CancellationToken cancellationToken)
    {
        var stack = new LocalStack();
        try
        {
            await stack.StartCoreAsync(layout, webPort, watch, log, cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until a process exits by itself (returned) or the token is cancelled (null).</summary>
    public async Task<AppProcess?> WaitForExitAsync(CancellationToken cancellationToken)
    {
        var exits = _processes.Select(async p =>
        {
            await p.Exited;
            return (AppProcess?)p;
        });
        var cancelled = Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => (AppProcess?)null, TaskScheduler.Default);
        var first = await Task.WhenAny([.. exits, cancelled]);
        return await first;
    }

    private async Task StartCoreAsync(RepositoryLayout layout, int webPort, bool watch, Action<string> log, CancellationToken cancellationToken)
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            log($"No {ConnectionVariable} set: using a local PostgreSQL with its data in {Path.Combine(layout.DataDirectory, "postgres")}");
            _postgres = await LocalPostgres.StartAsync(Path.Combine(layout.DataDirectory, "postgres"), FreePort.Prefer(55432), log, cancellationToken);
            await _postgres.CreateDatabaseAsync("chatbot", cancellationToken);
            connectionString = _postgres.ConnectionString("chatbot");
        }

        var dashboardPort = FreePort.Prefer(8081);
        var environment = new Dictionary<string, string?>
        {
            [ConnectionVariable] = connectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Orleans__SiloPort"] = FreePort.Prefer(11111).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Prefer(30000).ToString(System.Globalization.CultureInfo.InvariantCulture),

            // Without Smtp__Host the silo writes mail here as .eml files (git-ignored), not under src/Silo.
            ["Smtp__PickupFolder"] = Path.Combine(layout.DataDirectory, "mail"),
            ["Email__PublicUrl"] = $"http://localhost:{webPort}",
        };

        var migrate = AppProcess.Start("migrate", layout.SiloAssembly, layout.SiloDirectory, environment, log, "migrate");
        await migrate.Exited.WaitAsync(cancellationToken);
        if (migrate.ExitCode != 0)
        {
            throw new InvalidOperationException($"the migrations failed (exit code {migrate.ExitCode}); see the lines above.");
        }

        // One after the other, also under dotnet watch: their builds share projects.
        var timeout = watch ? WatchedStartTimeout : StartTimeout;
        DashboardUrl = new Uri($"http://localhost:{dashboardPort}/dashboard/");
        var siloLaunch = watch ? AppLaunch.Watched(layout.SiloProject) : AppLaunch.Built(layout.SiloAssembly);
        var silo = Start("silo", siloLaunch, layout.SiloDirectory, environment, $"http://127.0.0.1:{dashboardPort}", log);
        await silo.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{dashboardPort}/health/ready"), timeout, cancellationToken);

        WebUrl = new Uri($"http://localhost:{webPort}/");
        var webLaunch = watch ? AppLaunch.Watched(layout.FrontendProject) : AppLaunch.Built(layout.FrontendAssembly);
        var web = Start("web", webLaunch, layout.FrontendDirectory, environment, $"http://127.0.0.1:{webPort}", log);
        await web.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{webPort}/health/ready"), timeout, cancellationToken);
        if (watch)
        {
            // Serving is not yet watching: under load dotnet watch can start the app before it watches the sources.
            await Task.WhenAll(silo.Watching, web.Watching).WaitAsync(timeout, cancellationToken);
        }
    }

    private AppProcess Start(string name, AppLaunch launch, string directory, Dictionary<string, string?> environment, string url, Action<string> log)
    {
        var process = AppProcess.Start(name, launch, directory, new Dictionary<string, string?>(environment) { ["ASPNETCORE_URLS"] = url, ["Urls"] = url }, log);
        _processes.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        // The web tier first, so no request reaches a silo that is leaving.
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            await _processes[i].DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
