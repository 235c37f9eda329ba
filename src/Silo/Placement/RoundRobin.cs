namespace ChatbotOrleans.Silo.Placement;

/// <summary>
/// Hands out candidates in turn, in one fixed order, from a given start. Each silo places what its own callers
/// activate, so several of these place at once without sharing a count: each spreads its share evenly, and a
/// silo's total is off the mean by at most one placement per placing silo, however many start at once.
/// </summary>
internal sealed class RoundRobin<T>(IComparer<T> order, int start)
{
    private int _turn = start;

    public T Pick(IReadOnlyCollection<T> candidates)
    {
        ArgumentOutOfRangeException.ThrowIfZero(candidates.Count, nameof(candidates));
        var sorted = candidates.Order(order).ToArray();
        var turn = (uint)Interlocked.Increment(ref _turn);
        return sorted[turn % (uint)sorted.Length];
    }
}
