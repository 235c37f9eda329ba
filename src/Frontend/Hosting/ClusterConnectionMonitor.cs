namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>
/// Follows the Orleans client's gateway connections: readiness reads it, and every open chat
/// circuit hears from it when a gateway connection opens again.
/// </summary>
/// <remarks>
/// Client stream subscriptions do not survive a cluster restart (dotnet/orleans#10274), and events
/// published while no gateway was connected are lost, so subscribers resubscribe and reload their
/// snapshot on <see cref="GatewayConnected"/>. It fires on every new gateway connection, not only on
/// recovery from zero: a rolling restart never drops to zero, yet the restarted silo may have held
/// the stream's pubsub. A needless reload costs one snapshot read.
/// </remarks>
internal sealed class ClusterConnectionMonitor : IClusterConnectionStatusObserver
{
    private int _connectedGateways;
    private bool _hasBeenConnected;

    /// <summary>Raised on an Orleans thread after a gateway connection opened (the first one included).</summary>
    public event EventHandler? GatewayConnected;

    public int ConnectedGateways => Volatile.Read(ref _connectedGateways);

    public bool IsConnected => ConnectedGateways > 0;

    /// <summary>Whether a gateway connection has opened since the client started (then it has lost them all if not <see cref="IsConnected"/>).</summary>
    public bool HasBeenConnected => Volatile.Read(ref _hasBeenConnected);

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        Volatile.Write(ref _connectedGateways, currentNumberOfGateways);
        if (currentNumberOfGateways > previousNumberOfGateways || connectionRecovered)
        {
            Volatile.Write(ref _hasBeenConnected, true);
            GatewayConnected?.Invoke(this, EventArgs.Empty);
        }
    }

    public void NotifyClusterConnectionLost() => Volatile.Write(ref _connectedGateways, 0);
}
