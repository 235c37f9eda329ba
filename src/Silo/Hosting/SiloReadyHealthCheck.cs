using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatbotOrleans.Silo.Hosting;

/// <summary>Ready once this silo is an active member of the cluster (so it accepts grain calls).</summary>
internal sealed class SiloReadyHealthCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("The silo is an active cluster member.")
            : HealthCheckResult.Unhealthy($"The silo is {status}, not active."));
    }
}
