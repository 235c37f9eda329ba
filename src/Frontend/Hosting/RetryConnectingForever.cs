namespace ChatbotOrleans.Frontend.Hosting;

/// <summary>Keeps trying to reach the cluster at start: the silo may come up after the frontend.</summary>
internal sealed partial class RetryConnectingForever(ILogger<RetryConnectingForever> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogConnectFailed(logger, exception, Delay.TotalSeconds);
        try
        {
            await Task.Delay(Delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the Orleans cluster; retrying in {Seconds} s.")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception, double seconds);
}
