namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>
/// Brings the Orleans client back to the cluster after it lost every gateway. The client opens a gateway
/// connection only when it has something to send, so after a lone silo was killed and started again, an
/// open chat page whose user sends nothing (waiting for the reply the dead silo was streaming) stayed
/// disconnected: the new silo dropped the page's stream consumer as unreachable when the reply was written
/// again, and the page's resubscription (<see cref="ClusterConnectionMonitor.GatewayConnected"/>) waited for
/// a connection that nothing made. While no gateway is connected, this asks the cluster for its silos once
/// a second, which makes the client connect as soon as a gateway listens.
/// </summary>
internal sealed partial class ClusterReconnector(
    IClusterClient client, ClusterConnectionMonitor monitor, TimeProvider time, ILogger<ClusterReconnector> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // Before the first connection the client is still starting (and retries by itself).
            if (monitor.IsConnected || !monitor.HasBeenConnected)
            {
                continue;
            }

            try
            {
                await client.GetGrain<IManagementGrain>(0).GetHosts(true, stoppingToken).WaitAsync(CallTimeout, time, stoppingToken);
                LogReconnected(logger);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogStillDisconnected(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reached the Orleans cluster again after losing every gateway.")]
    private static partial void LogReconnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The Orleans cluster is still unreachable; trying again in a second.")]
    private static partial void LogStillDisconnected(ILogger logger, Exception exception);
}
