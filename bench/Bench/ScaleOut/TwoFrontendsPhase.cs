using System.Globalization;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;
using ChatbotOrleans.ChatPages;
using Microsoft.Playwright;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>
/// Section 9, frontends: two published frontend processes on the same cluster behind a sticky proxy
/// (<see cref="StickyProxy"/>), chat pages opened through it, all of them chatting while one frontend is stopped
/// (SIGTERM) and started again at the same address. Every page must come back by itself (the proxy sends the stopped
/// frontend's pages to the other one), and what it shows, then and after a reload, must hold every message once
/// with one reply.
/// </summary>
public static class TwoFrontendsPhase
{
    private const int Frontends = 2;
    private const int PagesPerFrontend = 4;
    private static readonly TimeSpan Before = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan After = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(BenchContext context)
    {
        var ct = context.CancellationToken;
        context.SetModel(context.Sizes.ShortReplyTokens, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(10));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);

        var ports = Enumerable.Range(0, Frontends).Select(_ => FreePort()).ToArray();
        var urls = new Uri[Frontends];
        for (var f = 0; f < Frontends; f++)
        {
            urls[f] = await context.Stack.Topology.StartPublishedFrontendAsync(ct, Settings(ports[f]));
        }

        var (restarted, other) = (context.Stack.Topology.Processes[^2], context.Stack.Topology.Processes[^1]);
        await using var proxy = await StickyProxy.StartAsync(urls, ct);
        var pages = new List<FrontendPage>();
        for (var p = 0; p < PagesPerFrontend * Frontends; p++)
        {
            pages.Add(await FrontendPage.OpenAsync(browser, proxy.Url, $"page{p}"));
        }

        context.Log($"through the sticky proxy {proxy.Url}: {string.Join(", ", pages.GroupBy(p => p.Frontend).OrderBy(g => g.Key).Select(g => $"{g.Count()} pages on frontend {g.Key}"))}");

        using var stop = new CancellationTokenSource();
        var chatting = Task.WhenAll(pages.Select(p => p.ChatUntilAsync(stop.Token)));
        await Task.Delay(Before, ct);

        // The first frontend goes away as a rolling deploy takes a replica down, and comes back at its address.
        var stopped = DateTime.UtcNow;
        await restarted.StopAsync(TimeSpan.FromSeconds(30));
        var down = DateTime.UtcNow - stopped;
        await context.Stack.Topology.StartPublishedFrontendAsync(ct, Settings(ports[0]));
        var back = DateTime.UtcNow;
        var again = context.Stack.Topology.Processes[^1];
        context.Log($"frontend 0 stopped in {down.TotalSeconds:0.0} s and answered again {(back - stopped).TotalSeconds:0.0} s after the SIGTERM");
        await Task.Delay(After, ct);
        await stop.CancelAsync();
        await chatting;

        // A page is back when it is interactive again with no navigation by us and none of its sends failed.
        var ofRestarted = pages.Where(p => p.Frontend == 0).ToList();
        var reconnected = 0;
        foreach (var page in pages)
        {
            reconnected += page.Failure is null && await page.IsInteractiveAsync() ? 1 : 0;
        }

        var stall = new Samples();
        foreach (var page in ofRestarted)
        {
            stall.Add(page.AnsweredAt.Prepend(stopped).Zip(page.AnsweredAt).Where(g => g.Second >= stopped).Select(g => g.Second - g.First).DefaultIfEmpty().Max());
        }

        // Read before the count below loads every chat again.
        var moved = 0;
        foreach (var page in ofRestarted)
        {
            moved += await page.FrontendNowAsync() is { } now && now != page.Frontend ? 1 : 0;
        }

        var reloads = ofRestarted.Sum(p => p.Reloads);
        var reloadsOfOthers = pages.Except(ofRestarted).Sum(p => p.Reloads);
        foreach (var page in pages)
        {
            context.Log($"{page.Name} opened on frontend {page.Frontend}: {page.AnsweredAt.Count} answered, {page.Reloads} reloads by the page, {page.Resent} resent{(page.Failure is null ? "" : ", FAILED " + page.Failure)}");
        }

        if (pages.Any(p => p.Failure is not null))
        {
            Directory.CreateDirectory(FrontendPage.DiagnosticsDirectory);
            await File.WriteAllLinesAsync(Path.Combine(FrontendPage.DiagnosticsDirectory, $"{DateTime.UtcNow:HHmmss}-output.txt"), context.Stack.Topology.Output, CancellationToken.None);
            context.Log($"the failed pages' screenshots, HTML and console, and the processes' output: {FrontendPage.DiagnosticsDirectory}");
        }

        var live = ShownCount.None;
        var reloaded = ShownCount.None;
        foreach (var page in pages.Where(p => p.Failure is null))
        {
            live += await page.CountShownAsync();
            reloaded += await page.CountReloadedAsync();
        }

        await Task.WhenAll(again.StopAsync(TimeSpan.FromSeconds(10)), other.StopAsync(TimeSpan.FromSeconds(10)));
        context.Log($"two frontends: as shown {live}; after a reload {reloaded}; load average {Machine.LoadAverage()}");
        Report(context, pages, reconnected, stall, live, reloaded, (ofRestarted.Count, reloads, moved, reloadsOfOthers));
    }

    private static void Report(BenchContext context, List<FrontendPage> pages, int reconnected, Samples stall, ShownCount live, ShownCount reloaded, (int Pages, int Reloads, int Moved, int ReloadsOfOthers) restarted)
    {
        const string Section = "9 Scale-out";
        var what = $"2 frontends behind a sticky proxy, {pages.Count} chat pages chatting, one frontend stopped (SIGTERM) and started again";
        var exact = live.Lost + live.Doubled + live.Unanswered + live.ExtraReplies + reloaded.Lost + reloaded.Doubled + reloaded.Unanswered + reloaded.ExtraReplies == 0;
        context.Table.Add(new ResultRow(Section, $"{what}: pages that came back by themselves", $"{reconnected} / {pages.Count}",
            $"{restarted.Reloads} reloads by the restarted frontend's {restarted.Pages} pages themselves ({restarted.Moved} moved to the other frontend), {restarted.ReloadsOfOthers} by the others", null, "all", reconnected == pages.Count));
        context.Table.Add(new ResultRow(Section, $"{what}: messages lost / shown twice / unanswered / with two replies, as shown and after a reload",
            $"{live.Lost} / {live.Doubled} / {live.Unanswered} / {live.ExtraReplies}; {reloaded.Lost} / {reloaded.Doubled} / {reloaded.Unanswered} / {reloaded.ExtraReplies}",
            $"{reloaded.Sent} sent ({live.Sent} in the chats open at the end), {pages.Sum(p => p.Resent)} sent again by the page", null, "0", exact));
        context.Table.Add(new ResultRow(Section, $"{what}: longest wait between two replies on each of the restarted frontend's pages from the SIGTERM on, p50 / max",
            stall.Count == 0 ? "none" : $"{stall.P50:0} ms / {stall.Percentile(100):0} ms", "", null));
    }

    private static Dictionary<string, string?> Settings(int port) => new()
    {
        ["Urls"] = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
    };

    private static int FreePort() => LocalRun.FreePort.Any();
}
