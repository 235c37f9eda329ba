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

    public static async Task RunAsync(BenchContext context)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium was not found at {chromium}; install it (apt-get install -y chromium) or set CHROMIUM_PATH.");
        }

        context.SetModel(context.Sizes.ShortReplyTokens, TimeSpan.Zero, TimeSpan.Zero);

        // Published and in Production, as the container image runs it.
        // Every page signs a new user in from 127.0.0.1: the silo allows that network more than production's 60 an hour.
        var url = await context.Stack.Topology.StartPublishedFrontendAsync(context.CancellationToken);
        var frontend = context.Stack.Topology.Processes[^1].Id;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

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
        Report(context, pages, before, after, heapBefore, heapAfter);
    }

    private static void Report(
        BenchContext context, int pages, (long WorkingSet, long Private) before, (long WorkingSet, long Private) after,
        ManagedHeapReading heapBefore, ManagedHeapReading heapAfter)
    {
        static string MiB(long bytes) => $"{bytes / 1048576.0:0.0} MiB";
        var workingSet = (double)(after.WorkingSet - before.WorkingSet) / pages;
        var privateMemory = (double)(after.Private - before.Private) / pages;
        var heap = (double)(heapAfter.HeapBytes - heapBefore.HeapBytes) / pages;
        context.Log($"frontend, {pages} more open chat pages after {context.Sizes.WarmChatPages} (each after a full GC): "
            + $"working set {MiB(before.WorkingSet)} → {MiB(after.WorkingSet)} ({workingSet / 1024:0.0} KiB each), "
            + $"private {MiB(before.Private)} → {MiB(after.Private)} ({privateMemory / 1024:0.0} KiB each), "
            + $"managed heap {MiB(heapBefore.HeapBytes)} → {MiB(heapAfter.HeapBytes)} ({heap / 1024:0.0} KiB each)");
        context.Log("frontend managed heap growth per page by type (shallow sizes):");
        foreach (var (name, bytes, count) in heapAfter.GrowthSince(heapBefore).Take(15))
        {
            context.Log($"  {bytes / 1024.0 / pages,6:0.0} KiB {count / (double)pages,6:0.0} objects  {name}");
        }

        var circuits = $"{pages} Blazor circuits from Chromium after {context.Sizes.WarmChatPages}";
        context.Table.Add(new ResultRow("5 Memory",
            $"frontend working set per open chat page ({circuits}; {MiB(before.WorkingSet)} → {MiB(after.WorkingSet)})",
            ResultTable.Kib(workingSet), "", null));
        context.Table.Add(new ResultRow("5 Memory",
            $"frontend private memory per open chat page (anonymous resident memory: working set less code; {MiB(before.Private)} → {MiB(after.Private)})",
            ResultTable.Kib(privateMemory), "", null, "≤ 250 KiB", privateMemory <= 250 * 1024));
        context.Table.Add(new ResultRow("5 Memory",
            $"frontend managed heap per open chat page, live objects after a full GC ({MiB(heapBefore.HeapBytes)} → {MiB(heapAfter.HeapBytes)})",
            ResultTable.Kib(heap), "", null));
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
