using Orleans.Placement;

namespace ChatbotOrleans.Grains.Limits;

/// <summary>
/// Keeps the times of the budget's recent events in memory only, as the per-user limits do: a silo crash gives
/// back at most one window. Kept in memory for the longest window (an hour), so idle collection forgets nothing.
/// </summary>
// Beside the grain that calls it first (the conversation, on each message): a hop to another silo costs about
// as much as the call's own work (bench/results/scale-out.md).
[PreferLocalPlacement]
[CollectionAgeLimit(Minutes = 61)]
public sealed class BudgetGrain(TimeProvider time) : Grain, IBudgetGrain
{
    private readonly List<DateTimeOffset> _takenAt = [];

    public Task<TimeSpan?> TryTakeAsync(int limit, TimeSpan window) =>
        Task.FromResult<TimeSpan?>(new SlidingWindowLimit(limit, window).TryTake(_takenAt, time.GetUtcNow(), out var wait) ? null : wait);
}
