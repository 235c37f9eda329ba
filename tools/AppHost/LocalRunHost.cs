using System.Globalization;
using ChatbotOrleans.LocalRun;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatbotOrleans.AppHost;

/// <summary>Runs the app's resources under Aspire until Ctrl+C, and says in the terminal what is where.</summary>
public static class LocalRunHost
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    // dotnet watch builds and loads the projects for hot reload before the app starts.
    private static readonly TimeSpan WatchedStartTimeout = TimeSpan.FromMinutes(5);

    // The apps' own graceful shutdown: the silo leaves the cluster and hands its work over.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan HelperGrace = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(RunOptions options, RepositoryLayout layout, string connectionString)
    {
        var dashboard = DashboardSettings.Apply();
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = [],
            DashboardApplicationName = "ChatbotOrleans",
            AllowUnsecuredTransport = true,
        });

        // Aspire's start-up lines warn about the unsecured loopback dashboard we chose and name it with a sign-in
        // token we do not need; ours follow below. Errors still show.
        builder.Configuration["Logging:LogLevel:Aspire.Hosting"] = "Error";
        builder.Configuration["Logging:LogLevel:Microsoft"] = "Warning";
        var topology = new AppTopology(builder, options, layout);
        topology.Add(connectionString);

        var app = builder.Build();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        using var watcher = new ResourceWatcher(app, topology.AppNames, Console.WriteLine);
        await app.StartAsync();
        watcher.Start();

        var timeout = options.Watch ? WatchedStartTimeout : StartTimeout;
        var ready = await watcher.WaitUntilHealthyAsync(AppTopology.WebName, timeout, lifetime.ApplicationStopping);
        if (ready && options.Watch)
        {
            // Serving is not yet watching: under load dotnet watch can start the app before it watches the sources.
            await watcher.WaitUntilWatchingAsync(topology.AppNames, timeout, lifetime.ApplicationStopping);
        }

        if (ready && !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            Console.WriteLine();
            Console.WriteLine($"ChatbotOrleans is running: open {topology.WebUrl}");
            for (var i = 0; i < topology.Dashboards.Count; i++)
            {
                Console.WriteLine(topology.Dashboards.Count == 1 ? $"Orleans Dashboard: {topology.Dashboards[i]}" : $"Orleans Dashboard (silo {i + 1}): {topology.Dashboards[i]}");
            }

            Console.WriteLine($"Aspire dashboard: {dashboard}   (logs, traces, metrics; Ctrl+C stops everything)");
            if (options.Watch)
            {
                Console.WriteLine("Watching src/: an edit hot-reloads into the silo or the frontend, or restarts the one it cannot reload into.");
            }

            Console.WriteLine();
        }

        var failure = await watcher.WaitForStopAsync();
        Console.WriteLine("Stopping…");

        // The web tier first, so no request reaches a silo that is leaving; PostgreSQL after all of them.
        await watcher.StopAsync([AppTopology.WebName, .. topology.AppNames.Where(name => name != AppTopology.WebName)], options.Watch, StopGrace);
        await StopAspireAsync(app);
        if (failure is not null)
        {
            Console.Error.WriteLine($"error: {failure}");
            return 1;
        }

        return 0;
    }

    private static async Task StopAspireAsync(DistributedApplication app)
    {
        // DCP runs detached and would end (with the dashboard) only seconds after it sees the AppHost gone: with
        // every app stopped, it is interrupted (it ignores SIGTERM for 10 s and more) and waited for, so that
        // nothing outlives ./run.sh.
        var dcp = ProcessTree.WithArguments("--monitor", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        List<int> helpers = [.. dcp, .. dcp.SelectMany(ProcessTree.Descendants), .. ProcessTree.Descendants(Environment.ProcessId)];
        try
        {
            await app.StopAsync();
        }
        catch (OperationCanceledException)
        {
            // An app that did not stop in time (said above): DCP ends it below.
        }

        await app.DisposeAsync();
        var killed = await ProcessTree.InterruptAsync(dcp, helpers, HelperGrace);
        if (killed.Count > 0)
        {
            Console.WriteLine($"Ended {killed.Count} Aspire process(es) that did not stop within {HelperGrace.TotalSeconds:0} s.");
        }
    }
}
