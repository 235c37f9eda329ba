using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>Ready while the Orleans client can call grains: it has started and holds a gateway connection.</summary>
internal sealed class OrleansReadyHealthCheck(ClusterConnectionMonitor monitor) : IHealthCheck
{
    public const string Tag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var gateways = monitor.ConnectedGateways;
        return Task.FromResult(
            monitor.IsConnected ? HealthCheckResult.Healthy($"Connected to {gateways} Orleans gateway(s).")
            : gateways > 0 ? HealthCheckResult.Unhealthy("Connected to a gateway; the cluster's grain types are not read yet.")
            : HealthCheckResult.Unhealthy("Not connected to any Orleans gateway."));
    }
}
