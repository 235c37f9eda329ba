using System.Diagnostics;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;
using ChatbotOrleans.ChatPages;
using Microsoft.Playwright;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 8, memory of scrolled pages: what a chat page that has scrolled back through a whole long conversation
/// costs the frontend. One user signs in on the page; the grain API fills their chat with
/// <see cref="BenchSizes.ScrolledMessages"/> messages (user messages and short replies, so the grain holds them as
/// after a long conversation); then rounds of <see cref="BenchSizes.ScrolledPages"/> tabs of that user (each its
/// own circuit) open the chat at its newest message and scroll to its first, a page at a time as a reader would.
/// The frontend is read (full GC forced, left alone, then read) before the tabs, and in every round with its tabs
/// open at the bottom and once they reached message 1. Two figures per page: the first round's growth over its
/// tabs (with whatever the process pays once), and, as section 5 does, the least-squares slope through the
/// readings at message 1 from the end of the first round on: what one more scrolled page costs.
/// </summary>
public static class ScrolledPagesPhase
{
    private static readonly TimeSpan HeapTimeout = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        context.SetModel(sizes.ShortReplyTokens, TimeSpan.Zero, TimeSpan.Zero);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);

        // Published and in Production, as the container image runs it.
        var url = await context.Stack.Topology.StartPublishedFrontendAsync(context.CancellationToken);
        var process = context.Stack.Topology.Processes[^1];
        await using var user = await browser.NewContextAsync();
        var clock = Stopwatch.StartNew();
        var (chat, chatUrl) = await ScrolledTab.SignInAsync(context.Stack.Client.Cluster, user, url);
        await context.Chats.SeedAsync([chat], sizes.ScrolledMessages / 2, sizes.MessageCharacters);
        var newest = (await chat.Grain.GetSnapshotAsync(chat.Owner))!.Sequence;
        context.Log($"scrolled pages: chat filled to {newest:N0} messages through the grain in {clock.Elapsed.TotalSeconds:0} s");

        // One tab scrolled before any reading pays the frontend's one-time costs of scrolling (JIT tier-ups, pools).
        var warm = await ScrolledTab.OpenAsync(browser, user, chatUrl, newest);
        var warmScroll = await warm.ScrollToFirstAsync();
        context.Log($"scrolled pages: warm-up tab reached message 1 in {warmScroll.Elapsed.TotalSeconds:0.0} s ({warmScroll.Scrolls} scrolls to the top)");

        // The heap by type is dumped first and last: the native buffers of the first stay in the process for every reading.
        var heapBefore = await ManagedHeap.CollectAsync(process.Id, HeapTimeout, byType: true);
        var before = await ReadAsync(context, process.Id);
        var rounds = new List<Round>();
        var tabs = new List<ScrolledTab>();
        for (var round = 1; round <= sizes.ScrolledRounds; round++)
        {
            var opening = tabs.Count;
            for (var i = 0; i < sizes.ScrolledPages; i++)
            {
                tabs.Add(await ScrolledTab.OpenAsync(browser, user, chatUrl, newest));
            }

            var opened = await ReadAsync(context, process.Id);
            context.Log($"scrolled pages, round {round}: {sizes.ScrolledPages} tabs open at the newest message: {opened.Describe(rounds.LastOrDefault()?.Scrolled ?? before, sizes.ScrolledPages)}");
            clock.Restart();
            var scrolls = await Task.WhenAll(tabs.Skip(opening).Select(t => t.ScrollToFirstAsync()));
            var scrolled = await ReadAsync(context, process.Id);
            rounds.Add(new Round(tabs.Count, opened, scrolled, scrolls, clock.Elapsed));
            context.Log($"scrolled pages, round {round}: at message 1 after {clock.Elapsed.TotalSeconds:0} s: {scrolled.Describe(opened, sizes.ScrolledPages)}");
        }

        var heapAfter = await ManagedHeap.CollectAsync(process.Id, HeapTimeout, byType: true);
        await process.StopAsync(TimeSpan.FromSeconds(10));

        HeapGrowthLog.Write(context, "scrolled page, opening and scrolling", heapBefore, heapAfter, tabs.Count);

        Report(context, newest, before, rounds, warmScroll);
        ReportSlope(context, rounds);
    }

    private static async Task<FrontendMemory> ReadAsync(BenchContext context, int frontend)
    {
        var heap = await ManagedHeap.CollectAsync(frontend, HeapTimeout, byType: false);
        var (workingSet, privateBytes) = await ProcessMemory.SettledAsync(frontend, context.Sizes.Settle);
        return new FrontendMemory(workingSet, privateBytes, heap.HeapBytes, ProcessMemory.PrivateInGcRange(frontend), ProcessMemory.Threads(frontend));
    }

    private static void Report(BenchContext context, long messages, FrontendMemory before, IReadOnlyList<Round> rounds, ScrollResult alone)
    {
        var (tabs, opened, scrolled, scrolls, scrollTime) = rounds[0];
        double PerTab(FrontendMemory from, FrontendMemory to, Func<FrontendMemory, long> figure) => (double)(figure(to) - figure(from)) / tabs;
        var perPage = PerTab(before, scrolled, m => m.Private);
        var dom = rounds.SelectMany(r => r.Scrolls).MaxBy(s => s.Messages)!;
        var setup = $"{tabs} tabs of one signed-in user, each its own Blazor circuit, scrolled from message {messages:N0} to 1; "
            + $"{FrontendMemory.MiB(before.Private)} → {FrontendMemory.MiB(opened.Private)} at the newest → {FrontendMemory.MiB(scrolled.Private)} at message 1";
        context.Table.Add(new ResultRow("8 Archive",
            $"frontend private memory per open chat page scrolled back through all {messages:N0} messages, first round ({setup})",
            ResultTable.Kib(perPage), "", null, "≤ 250 KiB", perPage <= 250 * 1024));
        context.Table.Add(new ResultRow("8 Archive",
            $"of which the page at its newest message (same tabs, read before they scrolled; managed heap {ResultTable.Kib(PerTab(before, opened, m => m.Heap))})",
            ResultTable.Kib(PerTab(before, opened, m => m.Private)), "", null));
        context.Table.Add(new ResultRow("8 Archive",
            $"of which scrolling to message 1 ({dom.Scrolls} scrolls to the top a tab; managed heap {ResultTable.Kib(PerTab(opened, scrolled, m => m.Heap))})",
            ResultTable.Kib(PerTab(opened, scrolled, m => m.Private)), "", null));
        context.Table.Add(new ResultRow("8 Archive",
            $"frontend managed heap per scrolled page, live objects after a full GC (working set {ResultTable.Kib(PerTab(before, scrolled, m => m.WorkingSet))} a page)",
            ResultTable.Kib(PerTab(before, scrolled, m => m.Heap)), "", null));
        context.Table.Add(new ResultRow("8 Archive",
            $"DOM of a page scrolled to message 1: messages rendered of {messages:N0} ({dom.Elements:N0} elements in the document)",
            $"{dom.Messages}", "", null, "bounded", dom.Messages < messages || messages <= 300));
        context.Table.Add(new ResultRow("8 Archive",
            $"time for {tabs} tabs at once to scroll from message {messages:N0} to 1 (one tab alone, the warm-up: {alone.Elapsed.TotalSeconds:0.0} s)",
            $"{scrollTime.TotalSeconds:0.0} s", "", null));
    }

    private static void ReportSlope(BenchContext context, IReadOnlyList<Round> rounds)
    {
        if (rounds.Count < 3)
        {
            return;
        }

        // Readings from the end of the first round on, as section 5: the young process's one-time growth is left behind.
        var steady = rounds;
        double Slope(Func<FrontendMemory, long> figure) => LinearFit.Slope(steady.Select(r => ((double)r.Tabs, (double)figure(r.Scrolled))).ToList());
        var perRound = steady.Zip(steady.Skip(1), (a, b) => (double)(b.Scrolled.Private - a.Scrolled.Private) / (b.Tabs - a.Tabs)).ToList();
        var perPage = Slope(m => m.Private);
        var scrolling = rounds.Average(r => (double)(r.Scrolled.Private - r.Opened.Private)) / rounds[0].Tabs;
        context.Table.Add(new ResultRow("8 Archive",
            $"frontend private memory per open chat page scrolled back to message 1, by slope ({steady[^1].Tabs - steady[0].Tabs} more scrolled circuits after the first {steady[0].Tabs}, "
            + $"least-squares slope through {steady.Count} readings, rounds of {rounds[0].Tabs} from {ResultTable.Kib(perRound.Min())} to {ResultTable.Kib(perRound.Max())} a page; "
            + $"{FrontendMemory.MiB(steady[0].Scrolled.Private)} → {FrontendMemory.MiB(steady[^1].Scrolled.Private)})",
            ResultTable.Kib(perPage), "", null, "≤ 250 KiB", perPage <= 250 * 1024));
        context.Table.Add(new ResultRow("8 Archive",
            $"of which scrolling from the newest message to message 1 (mean over the {rounds.Count} rounds of their tabs' growth while they scrolled)",
            ResultTable.Kib(scrolling), "", null));
        context.Table.Add(new ResultRow("8 Archive",
            "frontend managed heap per scrolled page by the same slope, live objects after a full GC",
            ResultTable.Kib(Slope(m => m.Heap)), "", null));
        context.Table.Add(new ResultRow("8 Archive",
            $"of the private memory by the same slope: in the GC's reserved range / outside it (the C allocator, stacks, native buffers; {steady[0].Scrolled.Threads} → {steady[^1].Scrolled.Threads} threads)",
            $"{ResultTable.Kib(Slope(m => m.GcRange))} / {ResultTable.Kib(Slope(m => m.Outside))}", "", null));
    }

    /// <summary>The frontend after a round's tabs opened at the newest message and after they scrolled to message 1; <paramref name="Tabs"/> counts all rounds' so far.</summary>
    private sealed record Round(int Tabs, FrontendMemory Opened, FrontendMemory Scrolled, ScrollResult[] Scrolls, TimeSpan ScrollTime);
}
