using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>
/// Ready while the Orleans client can call grains (started, with a gateway connection) and the process is not
/// stopping: a proxy then sends new pages to another replica.
/// </summary>
internal sealed class OrleansReadyHealthCheck(ClusterConnectionMonitor monitor, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public const string Tag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var gateways = monitor.ConnectedGateways;
        return Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("Shutting down.")
            : monitor.IsConnected ? HealthCheckResult.Healthy($"Connected to {gateways} Orleans gateway(s).")
            : gateways > 0 ? HealthCheckResult.Unhealthy("Connected to a gateway; the cluster's grain types are not read yet.")
            : HealthCheckResult.Unhealthy("Not connected to any Orleans gateway."));
    }
}
