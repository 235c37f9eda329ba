using ChatbotOrleans.Frontend.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Hosting;

/// <summary>What the proxy reads before it sends a page to this frontend.</summary>
public sealed class OrleansReadyHealthCheckTests
{
    private readonly ClusterConnectionMonitor _monitor = new();
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);

    [Fact]
    public async Task A_gateway_alone_is_not_ready_until_the_clients_start_has_read_the_clusters_grain_types()
    {
        _monitor.NotifyGatewayCountChanged(1, 0, connectionRecovered: false);
        var beforeStart = await CheckAsync();
        _monitor.NotifyClientStarted();

        beforeStart.Status.ShouldBe(HealthStatus.Unhealthy);
        beforeStart.Description.ShouldBe("Connected to a gateway; the cluster's grain types are not read yet.");
        (await CheckAsync()).Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task A_connected_frontend_that_has_begun_to_stop_is_not_ready()
    {
        _monitor.NotifyGatewayCountChanged(1, 0, connectionRecovered: false);
        _monitor.NotifyClientStarted();

        _lifetime.StopApplication();

        var result = await CheckAsync();
        (result.Status, result.Description).ShouldBe((HealthStatus.Unhealthy, "Shutting down."));
    }

    private Task<HealthCheckResult> CheckAsync() =>
        new OrleansReadyHealthCheck(_monitor, _lifetime).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
}
