namespace ChatbotOrleans.Bench.Hosting;

/// <summary>What a call to the cluster meets while silos come and go, and a way to make a call again through it.</summary>
public static class ClusterFault
{
    /// <summary>
    /// The cluster did not answer: the silo called left or died, a directory lookup it owned was cancelled as the
    /// membership changed, or the call timed out. A caller that waits a moment reaches the grain's next activation.
    /// </summary>
    public static bool IsTransient(Exception exception) =>
        exception is OrleansException or TimeoutException or OperationCanceledException;

    /// <summary>
    /// Makes a call that is safe to repeat until the cluster answers it, a second apart. Right after a silo leaves,
    /// another may still send to it for a moment ("Unable to connect"), which the caller sees as a failed call.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken, int tries = 10)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (IsTransient(exception) && attempt < tries && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }
}
