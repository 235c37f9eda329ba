using System.Text.RegularExpressions;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;
using Microsoft.Playwright;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 5, frontend: the real frontend process and real Blazor Server circuits, opened by Debian's
/// Chromium (Playwright, one browser, one context per page so each is its own signed-in user). Each figure
/// is a difference divided by the pages: before and after them, the frontend is made to run a full garbage
/// collection (over EventPipe), left alone, then read. A few pages first warm the process up (JIT, pools,
/// caches), so the figures are what one more page costs.
/// </summary>
public static partial class FrontendMemoryPhase
{
    private static readonly TimeSpan HeapTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The runtime setting of the second measurement: the JIT compiles each method once, fully optimized, so
    /// what the pages cost is not mixed with the tier-ups that a young process keeps making while it serves
    /// them (methods called once per page reach the next tier every 30 pages). Not the production setting.
    /// </summary>
    private static readonly Dictionary<string, string?> WithoutTiering = new() { ["DOTNET_TieredCompilation"] = "0" };

    public static async Task RunAsync(BenchContext context)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium was not found at {chromium}; install it (apt-get install -y chromium) or set CHROMIUM_PATH.");
        }

        context.SetModel(context.Sizes.ShortReplyTokens, TimeSpan.Zero, TimeSpan.Zero);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        // Published and in Production, as the container image runs it.
        var production = await MeasureAsync(context, browser, settings: null);
        Report(context, production);

        var withoutTiering = await MeasureAsync(context, browser, WithoutTiering);
        var privateMemory = withoutTiering.PrivatePerPage;
        context.Log($"frontend with tiered compilation off, after {context.Sizes.WarmChatPages} warm-up pages, {withoutTiering.Describe()}");
        context.Table.Add(new ResultRow("5 Memory",
            "frontend private memory per open chat page with tiered compilation off (DOTNET_TieredCompilation=0, not the production setting: "
            + $"the JIT's tier-ups while the pages open left out; {MiB(withoutTiering.Before.Private)} → {MiB(withoutTiering.After.Private)}; managed heap {withoutTiering.HeapPerPage / 1024:0.0} KiB)",
            ResultTable.Kib(privateMemory), "", null));
    }

    /// <summary>Starts a frontend, opens the warm-up pages and then the measured ones, reads it, and stops it.</summary>
    private static async Task<FrontendReading> MeasureAsync(BenchContext context, IBrowser browser, IReadOnlyDictionary<string, string?>? settings)
    {
        // Every page signs a new user in from 127.0.0.1: the silo allows that network more than production's 60 an hour.
        var url = await context.Stack.Topology.StartPublishedFrontendAsync(context.CancellationToken, settings);
        var process = context.Stack.Topology.Processes[^1];
        var frontend = process.Id;
        for (var i = 0; i < context.Sizes.WarmChatPages; i++)
        {
            await OpenChatPageAsync(browser, url);
        }

        // The heap dumps come first and last: the native buffers of the first stay in the process for both readings.
        var heapBefore = await ManagedHeap.CollectAsync(frontend, HeapTimeout, byType: true);
        await ManagedHeap.CollectAsync(frontend, HeapTimeout, byType: false);
        var before = await ProcessMemory.SettledAsync(frontend, context.Sizes.Settle);
        var pages = context.Sizes.ChatPages;
        for (var i = 0; i < pages; i++)
        {
            await OpenChatPageAsync(browser, url);
        }

        await ManagedHeap.CollectAsync(frontend, HeapTimeout, byType: false);
        var after = await ProcessMemory.SettledAsync(frontend, context.Sizes.Settle);
        var heapAfter = await ManagedHeap.CollectAsync(frontend, HeapTimeout, byType: true);
        await process.StopAsync(TimeSpan.FromSeconds(10));
        return new FrontendReading(pages, before, after, heapBefore, heapAfter);
    }

    private static string MiB(long bytes) => $"{bytes / 1048576.0:0.0} MiB";

    private static void Report(BenchContext context, FrontendReading reading)
    {
        var (pages, before, after) = (reading.Pages, reading.Before, reading.After);
        context.Log($"frontend after {context.Sizes.WarmChatPages} warm-up pages, {reading.Describe()}");
        context.Log("frontend managed heap growth per page by type (shallow sizes):");
        foreach (var (name, bytes, count) in reading.HeapAfter.GrowthSince(reading.HeapBefore).Take(15))
        {
            context.Log($"  {bytes / 1024.0 / pages,6:0.0} KiB {count / (double)pages,6:0.0} objects  {name}");
        }

        var circuits = $"{pages} Blazor circuits from Chromium after {context.Sizes.WarmChatPages}";
        context.Table.Add(new ResultRow("5 Memory",
            $"frontend working set per open chat page ({circuits}; {MiB(before.WorkingSet)} → {MiB(after.WorkingSet)})",
            ResultTable.Kib(reading.WorkingSetPerPage), "", null));
        context.Table.Add(new ResultRow("5 Memory",
            $"frontend private memory per open chat page (anonymous resident memory: working set less code; {MiB(before.Private)} → {MiB(after.Private)})",
            ResultTable.Kib(reading.PrivatePerPage), "", null, "≤ 250 KiB", reading.PrivatePerPage <= 250 * 1024));
        context.Table.Add(new ResultRow("5 Memory",
            $"frontend managed heap per open chat page, live objects after a full GC ({MiB(reading.HeapBefore.HeapBytes)} → {MiB(reading.HeapAfter.HeapBytes)})",
            ResultTable.Kib(reading.HeapPerPage), "", null));
    }

    /// <summary>One frontend's readings before and after the measured pages.</summary>
    private sealed record FrontendReading(
        int Pages, (long WorkingSet, long Private) Before, (long WorkingSet, long Private) After,
        ManagedHeapReading HeapBefore, ManagedHeapReading HeapAfter)
    {
        public double WorkingSetPerPage => (double)(After.WorkingSet - Before.WorkingSet) / Pages;

        public double PrivatePerPage => (double)(After.Private - Before.Private) / Pages;

        public double HeapPerPage => (double)(HeapAfter.HeapBytes - HeapBefore.HeapBytes) / Pages;

        public string Describe() =>
            $"{Pages} more open chat pages (each after a full GC): "
            + $"working set {MiB(Before.WorkingSet)} → {MiB(After.WorkingSet)} ({WorkingSetPerPage / 1024:0.0} KiB each), "
            + $"private {MiB(Before.Private)} → {MiB(After.Private)} ({PrivatePerPage / 1024:0.0} KiB each), "
            + $"managed heap {MiB(HeapBefore.HeapBytes)} → {MiB(HeapAfter.HeapBytes)} ({HeapPerPage / 1024:0.0} KiB each)";
    }

    /// <summary>Signs a new user in and waits until the chat page's circuit is connected (its input enabled).</summary>
    private static async Task OpenChatPageAsync(IBrowser browser, Uri url)
    {
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(url.ToString());
        await page.FillAsync("#email", $"page-{Guid.NewGuid():N}@example.com");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(ChatUrl(), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=message-input]'); return i && !i.disabled; }");
    }

    [GeneratedRegex("/c/[0-9a-f]{32}$")]
    private static partial Regex ChatUrl();
}
