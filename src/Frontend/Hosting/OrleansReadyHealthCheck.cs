using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>Ready while the Orleans client holds at least one gateway connection.</summary>
internal sealed class OrleansReadyHealthCheck(ClusterConnectionMonitor monitor) : IHealthCheck
{
    public const string Tag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var gateways = monitor.ConnectedGateways;
        return Task.FromResult(gateways > 0
            ? HealthCheckResult.Healthy($"Connected to {gateways} Orleans gateway(s).")
            : HealthCheckResult.Unhealthy("Not connected to any Orleans gateway."));
    }
}
