using ChatbotOrleans.Bench.Report;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// One reading of the frontend process after a forced full GC: its working set, private memory (and how much of it
/// lies in the GC's reserved range), live managed heap and threads.
/// </summary>
public sealed record FrontendMemory(long WorkingSet, long Private, long Heap, long GcRange = 0, int Threads = 0)
{
    /// <summary>The private memory outside the GC's reserved range.</summary>
    public long Outside => Private - GcRange;

    public static string MiB(long bytes) => $"{bytes / 1048576.0:0.0} MiB";

    public string Describe(FrontendMemory earlier, int pages) =>
        $"working set {MiB(WorkingSet)}, private {MiB(Private)} ({ResultTable.Kib((double)(Private - earlier.Private) / pages)} a page), "
        + $"managed heap {MiB(Heap)} ({ResultTable.Kib((double)(Heap - earlier.Heap) / pages)} a page); "
        + $"private in the GC's range {MiB(GcRange)} ({ResultTable.Kib((double)(GcRange - earlier.GcRange) / pages)} a page), "
        + $"outside it {MiB(Outside)} ({ResultTable.Kib((double)(Outside - earlier.Outside) / pages)} a page), {Threads} threads";
}
