namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>A silo's CPU time and its cgroup's counters at one moment.</summary>
public sealed record SiloCpuReading(int Silo, TimeSpan Used, CpuThrottling? Throttling);
