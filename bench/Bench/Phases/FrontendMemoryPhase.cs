using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;
using ChatbotOrleans.ChatPages;
using Microsoft.Playwright;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 5, frontend: the real frontend process and real Blazor Server circuits, opened by Debian's
/// Chromium (Playwright, one browser, one context per page so each is its own signed-in user). After a few
/// warm-up pages, the frontend is read after every round of further pages: made to run a full garbage
/// collection (over EventPipe), left alone, then read. The first round still carries a young process's
/// one-time growth: the JIT moves each method a page calls once to its next tier when the process has served
/// about 30 pages, and its scratch memory and code grow meanwhile. The judged figure is the least-squares
/// slope through the later readings: what one more open page costs a frontend that is already serving.
/// </summary>
public static class FrontendMemoryPhase
{
    private static readonly TimeSpan HeapTimeout = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(BenchContext context)
    {
        context.SetModel(context.Sizes.ShortReplyTokens, TimeSpan.Zero, TimeSpan.Zero);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);

        // Published and in Production, as the container image runs it.
        Report(context, await MeasureAsync(context, browser));
    }

    /// <summary>Starts a frontend, opens the warm-up pages and then the measured rounds, reading it after each, and stops it.</summary>
    private static async Task<FrontendReading> MeasureAsync(BenchContext context, IBrowser browser)
    {
        // Every page signs a new user in from 127.0.0.1: the silo allows that network more than production's 60 an hour.
        var url = await context.Stack.Topology.StartPublishedFrontendAsync(context.CancellationToken);
        var process = context.Stack.Topology.Processes[^1];
        var frontend = process.Id;
        var sizes = context.Sizes;
        await OpenChatPagesAsync(browser, url, sizes.WarmChatPages);

        // The heap dumps by type come first and last: the native buffers of the first stay in the process for every reading.
        var heapBefore = await ManagedHeap.CollectAsync(frontend, HeapTimeout, byType: true);
        var readings = new List<FrontendPoint> { await ReadAsync(context, frontend, pages: 0) };
        for (var round = 1; round <= sizes.ChatPageRounds; round++)
        {
            await OpenChatPagesAsync(browser, url, sizes.ChatPages);
            var reading = await ReadAsync(context, frontend, round * sizes.ChatPages);
            context.Log($"frontend after {sizes.WarmChatPages} + {reading.Pages} pages: {reading.Describe(readings[^1])}");
            readings.Add(reading);
        }

        var heapAfter = await ManagedHeap.CollectAsync(frontend, HeapTimeout, byType: true);
        await process.StopAsync(TimeSpan.FromSeconds(10));
        return new FrontendReading(readings, heapBefore, heapAfter);
    }

    private static async Task<FrontendPoint> ReadAsync(BenchContext context, int frontend, int pages)
    {
        var heap = await ManagedHeap.CollectAsync(frontend, HeapTimeout, byType: false);
        var (workingSet, privateBytes) = await ProcessMemory.SettledAsync(frontend, context.Sizes.Settle);
        return new FrontendPoint(pages, workingSet, privateBytes, heap.HeapBytes, heap.CommittedBytes, ProcessMemory.Threads(frontend));
    }

    private static async Task OpenChatPagesAsync(IBrowser browser, Uri url, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await ChatBrowser.SignInAsync(await browser.NewContextAsync(), url);
        }
    }

    private static string MiB(long bytes) => $"{bytes / 1048576.0:0.0} MiB";

    private static void Report(BenchContext context, FrontendReading reading)
    {
        var sizes = context.Sizes;
        var (first, warm) = (reading.Readings[1], reading.Readings[^1]);
        var steady = reading.Steady;
        HeapGrowthLog.Write(context, "page over all measured pages", reading.HeapBefore, reading.HeapAfter, warm.Pages);

        var privatePerPage = reading.SlopeOf(p => p.Private);
        var window = $"{steady[^1].Pages - steady[0].Pages} Blazor circuits from Chromium after {sizes.WarmChatPages + first.Pages}, "
            + $"least-squares slope through {steady.Count} readings, rounds of {sizes.ChatPages} from {reading.RoundRange(p => p.Private)} a page";
        context.Table.Add(new ResultRow("5 Memory",
            $"frontend private memory per open chat page (anonymous resident memory: working set less code; {window}; {MiB(steady[0].Private)} → {MiB(steady[^1].Private)})",
            ResultTable.Kib(privatePerPage), "", null, "≤ 250 KiB", privatePerPage <= 250 * 1024));
        context.Table.Add(new ResultRow("5 Memory",
            $"frontend working set per open chat page (same pages; {MiB(steady[0].WorkingSet)} → {MiB(steady[^1].WorkingSet)})",
            ResultTable.Kib(reading.SlopeOf(p => p.WorkingSet)), "", null));
        context.Table.Add(new ResultRow("5 Memory",
            $"frontend managed heap per open chat page, live objects after a full GC (same pages; {MiB(steady[0].Heap)} → {MiB(steady[^1].Heap)})",
            ResultTable.Kib(reading.SlopeOf(p => p.Heap)), "", null));
        context.Table.Add(new ResultRow("5 Memory",
            $"frontend private memory per page over the first {first.Pages} pages after {sizes.WarmChatPages} warm-up (a young process: with the JIT's one-time tier-ups; managed heap {ResultTable.Kib(first.PerPageSince(reading.Readings[0], p => p.Heap))} a page)",
            ResultTable.Kib(first.PerPageSince(reading.Readings[0], p => p.Private)), "", null));
    }

    /// <summary>One reading of the frontend after <paramref name="Pages"/> measured pages.</summary>
    private sealed record FrontendPoint(int Pages, long WorkingSet, long Private, long Heap, long? GcCommitted, int Threads)
    {
        /// <summary>What <paramref name="figure"/> grew by per page since <paramref name="earlier"/>.</summary>
        public double PerPageSince(FrontendPoint earlier, Func<FrontendPoint, long> figure) => (double)(figure(this) - figure(earlier)) / (Pages - earlier.Pages);

        public string Describe(FrontendPoint earlier) =>
            $"working set {MiB(WorkingSet)}, private {MiB(Private)} ({ResultTable.Kib(PerPageSince(earlier, p => p.Private))} a page since the last reading), "
            + $"managed heap {MiB(Heap)} ({ResultTable.Kib(PerPageSince(earlier, p => p.Heap))} a page), "
            + $"committed by the GC {(GcCommitted is { } committed ? MiB(committed) : "not reported")}, {Threads} threads";
    }

    /// <summary>The readings after the warm-up (the first before any measured page) and the heap by type at both ends.</summary>
    private sealed record FrontendReading(IReadOnlyList<FrontendPoint> Readings, ManagedHeapReading HeapBefore, ManagedHeapReading HeapAfter)
    {
        /// <summary>The readings from the end of the first round on: the young process's one-time growth left behind.</summary>
        public IReadOnlyList<FrontendPoint> Steady => Readings.Skip(1).ToList();

        public double SlopeOf(Func<FrontendPoint, long> figure) => LinearFit.Slope(Steady.Select(p => ((double)p.Pages, (double)figure(p))).ToList());

        public string RoundRange(Func<FrontendPoint, long> figure)
        {
            var perPage = Steady.Zip(Steady.Skip(1), (a, b) => b.PerPageSince(a, figure)).ToList();
            return $"{ResultTable.Kib(perPage.Min())} to {ResultTable.Kib(perPage.Max())}";
        }
    }
}
