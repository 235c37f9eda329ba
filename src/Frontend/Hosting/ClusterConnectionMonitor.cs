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
/// <para>
/// A gateway connection opens before the client has read the cluster's manifest, and until then the client
/// cannot resolve a grain interface ("Could not find an implementation for interface IUserGrain"): the client
/// counts as connected only once its start, which waits for that manifest, has returned.
/// </para>
/// </remarks>
internal sealed class ClusterConnectionMonitor : IClusterConnectionStatusObserver
{
    private int _connectedGateways;
    private bool _hasBeenConnected;
    private bool _started;

    /// <summary>Raised on an Orleans thread after a gateway connection opened (the first one included).</summary>
    public event EventHandler? GatewayConnected;

    public int ConnectedGateways => Volatile.Read(ref _connectedGateways);

    /// <summary>Whether grain calls can be made: the client has started and holds a gateway connection.</summary>
    public bool IsConnected => Volatile.Read(ref _started) && ConnectedGateways > 0;

    /// <summary>Whether a gateway connection has opened since the client started (then it has lost them all if not <see cref="IsConnected"/>).</summary>
    public bool HasBeenConnected => Volatile.Read(ref _hasBeenConnected);

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        Volatile.Write(ref _connectedGateways, currentNumberOfGateways);
        if (currentNumberOfGateways > previousNumberOfGateways || connectionRecovered)
        {
            Volatile.Write(ref _hasBeenConnected, true);
            if (Volatile.Read(ref _started))
            {
                GatewayConnected?.Invoke(this, EventArgs.Empty);
            }
        }
    }

    /// <summary>The client's start has returned: it knows the cluster's grain types. Pages that waited try again.</summary>
    public void NotifyClientStarted()
    {
        Volatile.Write(ref _started, true);
        if (IsConnected)
        {
            GatewayConnected?.Invoke(this, EventArgs.Empty);
        }
    }

    public void NotifyClusterConnectionLost() => Volatile.Write(ref _connectedGateways, 0);
}
