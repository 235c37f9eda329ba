using System.Globalization;
using ChatbotOrleans.Grains.Email;
using ChatbotOrleans.ServiceDefaults;
using ChatbotOrleans.Silo.Hosting;
using Orleans.Configuration;

namespace ChatbotOrleans.Silo.Email;

/// <summary>
/// <c>silo mail undelivered</c>: joins the running cluster as a client (ADO.NET clustering on
/// ConnectionStrings:Orleans, the Orleans section's cluster and service ids) and prints the emails the
/// outbox gave up on.
/// </summary>
internal static class UndeliveredMailCommand
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder([.. args]);

        // Run inside a silo container, where the connection string is a Docker secret, as the silo reads it.
        builder.Configuration.AddDockerSecrets();
        var connectionString = DatabaseConnection.Read(builder.Configuration);
        var cluster = builder.Configuration.GetSection(SiloHostOptions.SectionName).Get<SiloHostOptions>() ?? new SiloHostOptions();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
        });
        using var host = builder.Build();

        // A client with no silo to talk to waits for one forever: give up with a sentence instead.
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connecting.CancelAfter(ConnectTimeout);
        try
        {
            await host.StartAsync(connecting.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConfigurationException(
                $"No silo of cluster '{cluster.ClusterId}' answered within {ConnectTimeout.TotalSeconds:0} s; start the silo or check ConnectionStrings:Orleans and Orleans:ClusterId.");
        }

        await ListAsync(host.Services.GetRequiredService<IClusterClient>(), output);
        await host.StopAsync(CancellationToken.None);
        return 0;
    }

    /// <summary>The command's work once connected: prints one line per undelivered email.</summary>
    public static async Task ListAsync(IClusterClient client, TextWriter output)
    {
        var emails = await client.GetGrain<IEmailOutboxRegistryGrain>(Guid.Empty).ListUndeliveredAsync();
        if (emails.Count == 0)
        {
            await output.WriteLineAsync("No undelivered emails.");
            return;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{emails.Count} undelivered email(s), newest first:"));
        foreach (var email in emails)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{email.FailedAt:yyyy-MM-dd HH:mm:ss}Z  {email.Id:N}  to {email.To}  \"{email.Subject}\"  after {email.Attempts} attempt(s): {email.Reason}"));
        }
    }
}
