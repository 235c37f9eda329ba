namespace ChatbotOrleans.Grains;

/// <summary>
/// Calls another grain again when its silo turned the call away because it is leaving the cluster (a rolling
/// deploy): until the grain is active elsewhere, such calls fail although nothing is wrong.
/// Only for calls that may be made twice.
/// </summary>
public static class GrainCallRetry
{
    /// <summary>The waits before the second, third and fourth attempt: together longer than a leaving silo takes to hand its grains over.</summary>
    public static IReadOnlyList<TimeSpan> Waits { get; } =
        [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(750), TimeSpan.FromSeconds(3)];

    /// <summary>Runs <paramref name="call"/>, again after each of <see cref="Waits"/> while the cluster turns it away.</summary>
    public static Task RunAsync(Func<Task> call, TimeProvider time, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            await call();
            return true;
        }, time, cancellationToken);

    /// <summary>Runs <paramref name="call"/>, again after each of <see cref="Waits"/> while the cluster turns it away.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, TimeProvider time, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (OrleansMessageRejectionException) when (attempt < Waits.Count)
            {
                await Task.Delay(Waits[attempt], time, cancellationToken);
            }
        }
    }
}
