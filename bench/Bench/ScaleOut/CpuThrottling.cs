namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>A reading of a cgroup's <c>cpu.stat</c>; the difference of two says how often the quota was the limit.</summary>
public sealed record CpuThrottling(long Periods, long ThrottledPeriods, TimeSpan ThrottledTime)
{
    /// <summary>The share of scheduler periods in which the group used up its quota: near 1 when the quota is what limits it.</summary>
    public double ThrottledShare => Periods == 0 ? 0 : (double)ThrottledPeriods / Periods;

    public static CpuThrottling operator -(CpuThrottling after, CpuThrottling before) =>
        new(after.Periods - before.Periods, after.ThrottledPeriods - before.ThrottledPeriods, after.ThrottledTime - before.ThrottledTime);
}
