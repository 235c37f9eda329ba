using ChatbotOrleans.Frontend.Hosting;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Hosting;

public sealed class ClusterConnectionMonitorTests
{
    [Fact]
    public void Reconnecting_after_a_loss_raises_gateway_connected()
    {
        var monitor = new ClusterConnectionMonitor();
        var raised = 0;
        monitor.GatewayConnected += (_, _) => raised++;

        monitor.NotifyGatewayCountChanged(1, 0, connectionRecovered: true);
        monitor.NotifyClusterConnectionLost();
        monitor.NotifyGatewayCountChanged(0, 1, connectionRecovered: false);
        monitor.IsConnected.ShouldBeFalse();
        monitor.NotifyGatewayCountChanged(1, 0, connectionRecovered: true);

        raised.ShouldBe(2);
        monitor.IsConnected.ShouldBeTrue();
    }

    [Fact]
    public void A_returning_silo_in_a_rolling_restart_raises_gateway_connected()
    {
        var monitor = new ClusterConnectionMonitor();
        monitor.NotifyGatewayCountChanged(2, 1, connectionRecovered: false);
        var raised = 0;
        monitor.GatewayConnected += (_, _) => raised++;

        monitor.NotifyGatewayCountChanged(1, 2, connectionRecovered: false);
        monitor.NotifyGatewayCountChanged(2, 1, connectionRecovered: false);

        raised.ShouldBe(1);
        monitor.ConnectedGateways.ShouldBe(2);
    }

    [Fact]
    public void Having_been_connected_is_remembered_after_every_gateway_is_lost_but_not_claimed_before_the_first()
    {
        var monitor = new ClusterConnectionMonitor();
        monitor.HasBeenConnected.ShouldBeFalse();

        monitor.NotifyGatewayCountChanged(1, 0, connectionRecovered: true);
        monitor.NotifyClusterConnectionLost();
        monitor.NotifyGatewayCountChanged(0, 1, connectionRecovered: false);

        monitor.IsConnected.ShouldBeFalse();
        monitor.HasBeenConnected.ShouldBeTrue();
    }
}
