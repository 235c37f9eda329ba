using ChatbotOrleans.Bench.Measure;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>
/// Keeps a size's warm-up going until no silo's tiered compilation thread is still busy: fresh silos go on recompiling
/// hot code well after a timed warm-up, and measured meanwhile the first size pays for the JIT while the smaller sizes,
/// run later on the same silos, do not (bench/results/scale-out.md, runs 55–57).
/// </summary>
public static class CompilationSettle
{
    /// <summary>The runtime's background JIT thread, ".NET Tiered Compilation Worker", as Linux shortens its name.</summary>
    public const string ThreadName = ".NET Tiered Com";

    /// <summary>Busier than this (a 25th of a silo's quarter core), a silo is still compiling.</summary>
    public const double QuietCores = 0.01;

    private static readonly TimeSpan Round = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="load"/> in rounds until every silo's JIT thread is quiet over one.</summary>
    /// <returns>How long it ran, and the busiest silo's JIT cores in the last round.</returns>
    public static async Task<(TimeSpan Ran, double BusiestCores)> RunAsync(IReadOnlyList<ScaleSilo> silos, Func<TimeSpan, Task> load)
    {
        var ran = TimeSpan.Zero;
        double busiest;
        do
        {
            var before = Read(silos);
            await load(Round);
            ran += Round;
            busiest = CoresSince(silos, before).Max();
        }
        while (busiest >= QuietCores && ran < Longest);

        return (ran, busiest);
    }

    /// <summary>Each silo's JIT threads' CPU ticks so far, in the order given (the runtime ends an idle one and starts another).</summary>
    public static IReadOnlyDictionary<int, long>[] Read(IReadOnlyList<ScaleSilo> silos) =>
        [.. silos.Select(s => ProcessCpu.ThreadTicks(s.Process!.Id, ThreadName))];

    /// <summary>Each silo's JIT cores since <paramref name="before"/> (a <see cref="Read"/> of the same silos), over the time given.</summary>
    public static double[] CoresSince(IReadOnlyList<ScaleSilo> silos, IReadOnlyDictionary<int, long>[] before, TimeSpan? over = null) =>
        [.. Read(silos).Select((now, i) => ProcessCpu.Between(before[i], now).TotalSeconds / (over ?? Round).TotalSeconds)];
}
