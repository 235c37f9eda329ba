namespace ChatbotOrleans.Grains.Limits;

/// <summary>
/// One shared allowance, keyed by what it counts (see <see cref="Budgets"/>): one activation in the cluster
/// counts for every silo and every frontend replica.
/// </summary>
[Alias("IBudgetGrain")]
public interface IBudgetGrain : IGrainWithStringKey
{
    /// <summary>Counts one event if fewer than <paramref name="limit"/> happened in the last <paramref name="window"/>.</summary>
    /// <returns><c>null</c> when counted; otherwise how long until one more is allowed.</returns>
    Task<TimeSpan?> TryTakeAsync(int limit, TimeSpan window);
}
