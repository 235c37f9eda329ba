namespace ChatbotOrleans.Grains.Limits;

/// <summary>
/// At most <c>limit</c> events in any <c>window</c>, counted over the exact times of the recent events (a
/// sliding log). Unlike a fixed per-minute counter it allows no burst of twice the limit across a boundary,
/// and the wait it returns is exact: the moment the oldest counted event leaves the window.
/// </summary>
/// <remarks>
/// The caller owns the list of times, so a grain can keep it in memory or in its persisted state; at most
/// <c>limit</c> entries are ever kept, in time order.
/// </remarks>
public sealed class SlidingWindowLimit
{
    private readonly int _limit;
    private readonly TimeSpan _window;

    public SlidingWindowLimit(int limit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _limit = limit;
        _window = window;
    }

    /// <summary>
    /// Counts one event at <paramref name="now"/> if the limit allows it, dropping times that left the window.
    /// </summary>
    /// <param name="takenAt">The times of the events counted so far; updated in place.</param>
    /// <param name="now">The current time.</param>
    /// <param name="retryAfter">When refused, how long until one more event is allowed; otherwise zero.</param>
    /// <returns><c>true</c> when the event was counted; <c>false</c> when it is over the limit (nothing changed but pruning).</returns>
    public bool TryTake(List<DateTimeOffset> takenAt, DateTimeOffset now, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(takenAt);

        // Only this method changes the list, so its times are in order: any from a clock that went back are at
        // its tail (dropped, or they would count forever), the expired at its head. A call costs what it drops,
        // not a pass over every event in the window (a shared budget holds thousands).
        while (takenAt.Count > 0 && takenAt[^1] > now)
        {
            takenAt.RemoveAt(takenAt.Count - 1);
        }

        var expired = 0;
        while (expired < takenAt.Count && now - takenAt[expired] >= _window)
        {
            expired++;
        }

        takenAt.RemoveRange(0, expired);
        if (takenAt.Count >= _limit)
        {
            retryAfter = takenAt[takenAt.Count - _limit] + _window - now;
            return false;
        }

        takenAt.Add(now);
        retryAfter = TimeSpan.Zero;
        return true;
    }
}
