using System.Globalization;
using ChatbotOrleans.LocalRun;

namespace ChatbotOrleans.AppHost;

/// <summary>
/// The app's resources in the AppHost: the connection string, the migration (once, awaited to its end), the
/// silos (each with its own ports) and the frontend, which waits for every silo to be a ready cluster member.
/// Each app is an executable to Aspire: its built assembly, or under --watch its project under dotnet watch.
/// </summary>
public sealed class AppTopology(IDistributedApplicationBuilder builder, RunOptions options, RepositoryLayout layout)
{
    public const string WebName = "web";

    /// <summary>The silos' Orleans Dashboard addresses, first silo first.</summary>
    public List<Uri> Dashboards { get; } = [];

    /// <summary>The resources whose end before Ctrl+C is a failure of the run.</summary>
    public List<string> AppNames { get; } = [];

    public Uri WebUrl => new(Invariant($"http://localhost:{options.WebPort}/"));

    public void Add(string connectionString)
    {
        builder.Configuration["ConnectionStrings:Orleans"] = connectionString;
        var database = builder.AddConnectionString("Orleans");
        var migrate = builder.AddExecutable("migrate", "dotnet", layout.SiloDirectory, layout.SiloAssembly, "migrate")
            .WithReference(database)
            .WithEnvironment("DOTNET_ENVIRONMENT", "Development");

        var silos = new List<IResourceBuilder<ExecutableResource>>();
        for (var i = 0; i < options.Silos; i++)
        {
            var name = options.Silos == 1 ? "silo" : Invariant($"silo-{i + 1}");
            var port = FreePort.Prefer(8081 + i);
            Dashboards.Add(new Uri(Invariant($"http://localhost:{port}/dashboard/")));
            var silo = options.Watch
                ? Silo(Watched(name, layout.SiloProject), database, migrate, port, i)
                : Silo(Built(name, layout.SiloDirectory, layout.SiloAssembly), database, migrate, port, i);
            silos.Add(silo);
        }

        var web = options.Watch
            ? Watched(WebName, layout.FrontendProject)
            : Built(WebName, layout.FrontendDirectory, layout.FrontendAssembly);
        App(web, options.WebPort).WithReference(database);
        foreach (var silo in silos)
        {
            web.WaitFor(silo);
        }
    }

    private IResourceBuilder<ExecutableResource> Silo(
        IResourceBuilder<ExecutableResource> silo, IResourceBuilder<IResourceWithConnectionString> database, IResourceBuilder<ExecutableResource> migrate, int port, int index) =>
        App(silo, port)
            .WithReference(database)
            .WithEnvironment("Orleans__SiloPort", Invariant($"{FreePort.Prefer(11111 + index)}"))
            .WithEnvironment("Orleans__GatewayPort", Invariant($"{FreePort.Prefer(30000 + index)}"))
            .WaitForCompletion(migrate);

    // Both apps listen on loopback at a port of ours (not behind Aspire's proxy), as they did before the AppHost.
    private IResourceBuilder<ExecutableResource> App(IResourceBuilder<ExecutableResource> app, int port)
    {
        AppNames.Add(app.Resource.Name);
        var url = Invariant($"http://127.0.0.1:{port}");
        return app
            .WithHttpEndpoint(port: port, targetPort: port, isProxied: false)
            .WithHttpHealthCheck("/health/ready")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithEnvironment("DOTNET_ENVIRONMENT", "Development")
            .WithEnvironment("ASPNETCORE_URLS", url)
            .WithEnvironment("Urls", url)

            // Without Smtp__Host the silo writes mail here as .eml files (git-ignored), not under src/Silo.
            .WithEnvironment("Smtp__PickupFolder", Path.Combine(layout.DataDirectory, "mail"))
            .WithEnvironment("Email__PublicUrl", Invariant($"http://localhost:{options.WebPort}"));
    }

    // The built assembly run by the dotnet host, as the image runs it: no `dotnet run` (and its MSBuild) above it.
    private IResourceBuilder<ExecutableResource> Built(string name, string directory, string assembly) =>
        builder.AddExecutable(name, "dotnet", directory, assembly).WithOtlpExporter();

    private IResourceBuilder<ExecutableResource> Watched(string name, string project)
    {
        var watched = builder.AddExecutable(name, "dotnet", Path.GetDirectoryName(project)!, [.. WatchCommand.Arguments(project, [])])
            .WithOtlpExporter()
            .WithEnvironment(WatchCommand.PollingVariable, Environment.GetEnvironmentVariable(WatchCommand.PollingVariable) ?? "1");
        foreach (var (variable, value) in WatchCommand.Variables)
        {
            watched.WithEnvironment(variable, value);
        }

        return watched;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
