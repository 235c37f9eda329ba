using ChatbotOrleans.Bench.Report;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>One reading of the frontend process after a forced full GC: its working set, private memory and live managed heap.</summary>
public sealed record FrontendMemory(long WorkingSet, long Private, long Heap)
{
    public static string MiB(long bytes) => $"{bytes / 1048576.0:0.0} MiB";

    public string Describe(FrontendMemory earlier, int pages) =>
        $"working set {MiB(WorkingSet)}, private {MiB(Private)} ({ResultTable.Kib((double)(Private - earlier.Private) / pages)} a page), "
        + $"managed heap {MiB(Heap)} ({ResultTable.Kib((double)(Heap - earlier.Heap) / pages)} a page)";
}
