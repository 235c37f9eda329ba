namespace ChatbotOrleans.Grains.Limits;

/// <summary>
/// Tokens spent in the current UTC day against a daily budget, and those reserved by replies still being written.
/// The day rolls over at 00:00 UTC, when the count starts again from nothing; tokens dated before the current day no
/// longer count. A reservation counts until it is released, or for <see cref="ReservationLifetime"/> at most, so a
/// reply whose silo died gives its tokens back.
/// </summary>
public sealed class DailyTokens(DateTimeOffset now, long spent)
{
    /// <summary>Longer than any reply may stream (the model request times out well before).</summary>
    public static readonly TimeSpan ReservationLifetime = TimeSpan.FromMinutes(30);

    private readonly Dictionary<Guid, (long Tokens, DateTimeOffset At)> _reserved = [];
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

    /// <summary>The tokens held by reservations not yet released or expired.</summary>
    public long ReservedBy(DateTimeOffset now)
    {
        foreach (var (id, _) in _reserved.Where(r => now - r.Value.At >= ReservationLifetime).ToList())
        {
            _reserved.Remove(id);
        }

        return _reserved.Values.Sum(r => r.Tokens);
    }

    /// <summary>What <paramref name="limit"/> leaves for a new reply: neither spent nor reserved.</summary>
    public long LeftBy(DateTimeOffset now, long limit) => Math.Max(0, limit - SpentBy(now) - ReservedBy(now));

    public void Add(DateTimeOffset at, long tokens)
    {
        Roll(at);
        if (DayOf(at) == _day)
        {
            _spent += tokens;
        }
    }

    /// <summary>
    /// Reserves up to <paramref name="wanted"/> tokens of what is left under <paramref name="limit"/> for the reply
    /// <paramref name="id"/> (replacing its earlier reservation, if any).
    /// </summary>
    /// <returns>The tokens reserved; 0, reserving nothing, when fewer than <paramref name="minimum"/> are <paramref name="left"/>.</returns>
    public long Reserve(Guid id, DateTimeOffset now, long limit, long wanted, long minimum, out long left)
    {
        _reserved.Remove(id);
        left = LeftBy(now, limit);
        if (left < Math.Max(1, minimum))
        {
            return 0;
        }

        var granted = Math.Min(wanted, left);
        _reserved[id] = (granted, now);
        return granted;
    }

    /// <summary>Gives back what the reply <paramref name="id"/> reserved; what it spent is <see cref="Add"/>ed on its own.</summary>
    public void Release(Guid id) => _reserved.Remove(id);

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
