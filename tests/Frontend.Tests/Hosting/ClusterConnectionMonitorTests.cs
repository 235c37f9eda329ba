using ChatbotOrleans.Frontend.Hosting;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Hosting;

public sealed class ClusterConnectionMonitorTests
{
    [Fact]
    public void A_gateway_that_opens_before_the_clients_start_returned_is_not_a_connection_until_it_has()
    {
        // The order a frontend sees: the gateway opens, then the client reads the cluster's manifest and its start returns.
        var monitor = new ClusterConnectionMonitor();
        var raised = 0;
        monitor.GatewayConnected += (_, _) => raised++;

        monitor.NotifyGatewayCountChanged(1, 0, connectionRecovered: false);
        var before = (monitor.IsConnected, raised, monitor.HasBeenConnected);
        monitor.NotifyClientStarted();

        before.ShouldBe((false, 0, true));
        (monitor.IsConnected, raised).ShouldBe((true, 1));
    }

    [Fact]
    public void A_start_that_returned_with_no_gateway_left_raises_nothing_until_one_opens()
    {
        var monitor = new ClusterConnectionMonitor();
        var raised = 0;
        monitor.GatewayConnected += (_, _) => raised++;

        monitor.NotifyClientStarted();
        var before = (monitor.IsConnected, raised);
        monitor.NotifyGatewayCountChanged(1, 0, connectionRecovered: true);

        before.ShouldBe((false, 0));
        (monitor.IsConnected, raised).ShouldBe((true, 1));
    }

    [Fact]
    public void Reconnecting_after_a_loss_raises_gateway_connected()
    {
        var monitor = Started();
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
        var monitor = Started();
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
        var monitor = Started();
        monitor.HasBeenConnected.ShouldBeFalse();

        monitor.NotifyGatewayCountChanged(1, 0, connectionRecovered: true);
        monitor.NotifyClusterConnectionLost();
        monitor.NotifyGatewayCountChanged(0, 1, connectionRecovered: false);

        monitor.IsConnected.ShouldBeFalse();
        monitor.HasBeenConnected.ShouldBeTrue();
    }

    private static ClusterConnectionMonitor Started()
    {
        var monitor = new ClusterConnectionMonitor();
        monitor.NotifyClientStarted();
        return monitor;
    }
}
