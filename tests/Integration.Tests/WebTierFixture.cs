using ChatbotOrleans.TestSupport;

namespace ChatbotOrleans.Integration.Tests;

/// <summary>
/// One silo and two frontend replicas in Production, as deployed, plus an Orleans client in the test process
/// to check what the cluster stored. Emails go to a pickup folder so tests can read sign-in links.
/// </summary>
public sealed class WebTierFixture(PostgresServerFixture postgres) : IAsyncLifetime
{
    public SiloProcessHarness Harness { get; private set; } = null!;

    public Uri Web { get; private set; } = null!;

    /// <summary>A second frontend replica on the same cluster, as the Swarm stack runs two.</summary>
    public Uri OtherWeb { get; private set; } = null!;

    public Uri Silo { get; private set; } = null!;

    public DirectoryInfo MailFolder { get; } = Directory.CreateTempSubdirectory("chatbot-hostile-mail-");

    public IClusterClient Client => Harness.Client;

    public async ValueTask InitializeAsync()
    {
        Harness = await SiloProcessHarness.CreateAsync(postgres, CancellationToken.None);
        var (exitCode, output) = await Harness.Topology.MigrateAsync(CancellationToken.None);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The migrations failed:\n{output}");
        }

        (_, Silo) = await Harness.Topology.StartSiloAsync(
            CancellationToken.None, new Dictionary<string, string?> { ["Smtp__PickupFolder"] = MailFolder.FullName });
        // As deployed behind Traefik: the client's address comes from X-Forwarded-For.
        var behindProxy = new Dictionary<string, string?> { ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true" };
        Web = await Harness.Topology.StartFrontendAsync(CancellationToken.None, behindProxy);
        OtherWeb = await Harness.Topology.StartFrontendAsync(CancellationToken.None, behindProxy);
        await Harness.ConnectClientAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (Harness is not null)
        {
            await Harness.DisposeAsync();
        }

        MailFolder.Delete(recursive: true);
    }
}
