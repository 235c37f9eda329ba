using System.Text.RegularExpressions;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;
using Microsoft.Playwright;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 5, frontend: the real frontend process and real Blazor Server circuits, opened by Debian's
/// Chromium (Playwright, one browser, one context per page so each is its own signed-in user). The
/// figure is the frontend's working set delta divided by the pages, after one page has warmed it up.
/// </summary>
public static partial class FrontendMemoryPhase
{
    public static async Task RunAsync(BenchContext context)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium was not found at {chromium}; install it (apt-get install -y chromium) or set CHROMIUM_PATH.");
        }

        context.SetModel(context.Sizes.ShortReplyTokens, TimeSpan.Zero, TimeSpan.Zero);

        // A build output serves Blazor's framework script only in Development (Production needs `dotnet publish`),
        // as the browser tests found; the circuit itself is the same in both.
        var url = await context.Stack.Topology.StartFrontendAsync(context.CancellationToken, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
        });
        var frontend = context.Stack.Topology.Processes[^1].Id;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        await OpenChatPageAsync(browser, url);
        var settle = context.Sizes.Settle;
        var before = await ProcessMemory.SettledWorkingSetAsync(frontend, settle);
        var pages = context.Sizes.ChatPages;
        for (var i = 0; i < pages; i++)
        {
            await OpenChatPageAsync(browser, url);
        }

        var after = await ProcessMemory.SettledWorkingSetAsync(frontend, settle);
        var perPage = (double)(after - before) / pages;
        context.Log($"frontend memory: {before / 1048576.0:0} MiB → {after / 1048576.0:0} MiB for {pages} open chat pages: {perPage / 1024:0.0} KiB each");
        context.Table.Add(new ResultRow("5 Memory",
            $"frontend working set per open chat page ({pages} Blazor circuits from Chromium; {before / 1048576.0:0} → {after / 1048576.0:0} MiB)",
            ResultTable.Kib(perPage), "", null, "≤ 250 KiB", perPage <= 250 * 1024));
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
