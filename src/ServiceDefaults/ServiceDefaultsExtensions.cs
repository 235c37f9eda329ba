using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatbotOrleans.ServiceDefaults;

/// <summary>
/// What running in a container needs beyond the app itself: configuration from Docker secrets, a
/// bounded graceful shutdown, and telemetry.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Where Docker (Compose and Swarm) mounts secrets.</summary>
    public const string DockerSecretsDirectory = "/run/secrets";

    /// <summary>Moves the secrets folder (tests; a host that mounts secrets elsewhere), e.g. <c>DockerSecrets__Directory</c>.</summary>
    public const string DockerSecretsDirectoryKey = "DockerSecrets:Directory";

    public const string ShutdownTimeoutKey = "Shutdown:Timeout";

    /// <summary>
    /// Long enough for a silo to leave the cluster and finish replies, and for a frontend's open
    /// requests and circuits to end; Swarm's stop_grace_period must exceed it.
    /// </summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(30);

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, TelemetryProfile telemetry)
    {
        builder.Configuration.AddDockerSecrets();
        var timeout = ReadShutdownTimeout(builder.Configuration);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = timeout);
        builder.AddTelemetry(telemetry);
        return builder;
    }

    /// <summary>
    /// One configuration key per secret file, added last so a secret wins over an environment variable:
    /// a file named <c>ConnectionStrings__Orleans</c> becomes <c>ConnectionStrings:Orleans</c>. The folder is
    /// <see cref="DockerSecretsDirectory"/> unless <see cref="DockerSecretsDirectoryKey"/> names another.
    /// </summary>
    public static IConfigurationManager AddDockerSecrets(this IConfigurationManager configuration)
    {
        configuration.AddDockerSecrets(configuration[DockerSecretsDirectoryKey] ?? DockerSecretsDirectory);
        return configuration;
    }

    public static IConfigurationBuilder AddDockerSecrets(this IConfigurationBuilder configuration, string directory) =>
        configuration.AddKeyPerFile(directory, optional: true);

    public static TimeSpan ReadShutdownTimeout(IConfiguration configuration)
    {
        var value = configuration[ShutdownTimeoutKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultShutdownTimeout;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var timeout) && timeout > TimeSpan.Zero
            ? timeout
            : throw new ConfigurationException($"Shutdown:Timeout \"{value}\" is not a positive time span; use e.g. \"00:00:30\".");
    }
}
