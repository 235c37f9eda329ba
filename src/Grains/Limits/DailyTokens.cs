namespace ChatbotOrleans.Grains.Limits;

/// <summary>
/// Tokens spent in the current UTC day against a daily budget. The day rolls over at 00:00 UTC, when the count
/// starts again from nothing; tokens dated before the current day no longer count.
/// </summary>
public sealed class DailyTokens(DateTimeOffset now, long spent)
{
    private DateOnly _day = DayOf(now);
    private long _spent = spent;

    public static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    /// <summary>The next 00:00 UTC after <paramref name="now"/>.</summary>
    public static DateTimeOffset ResetAt(DateTimeOffset now) =>
        new(DayOf(now).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public long SpentBy(DateTimeOffset now)
    {
        Roll(now);
        return _spent;
    }

    public void Add(DateTimeOffset at, long tokens)
    {
        Roll(at);
        if (DayOf(at) == _day)
        {
            _spent += tokens;
        }
    }

    /// <summary><c>null</c> while under <paramref name="limit"/>; once it is spent, how long until the budget renews.</summary>
    public TimeSpan? Refusal(DateTimeOffset now, long limit) => SpentBy(now) >= limit ? ResetAt(now) - now : null;

    private void Roll(DateTimeOffset now)
    {
        var day = DayOf(now);
        if (day > _day)
        {
            (_day, _spent) = (day, 0);
        }
    }
}
