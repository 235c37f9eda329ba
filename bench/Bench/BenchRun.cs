using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChatbotOrleans.Bench.Hosting;
using ChatbotOrleans.Bench.Phases;
using ChatbotOrleans.DevHost;

namespace ChatbotOrleans.Bench;

/// <summary>One run: start the stack, measure every section in an order that keeps them from disturbing each other, report.</summary>
public static class BenchRun
{
    /// <summary>
    /// Every phase, by key, in the order a run takes them. Sections 2–7 divide by the ceiling and use the
    /// steady conversations, so <c>--only</c> runs them meaningfully only with <c>steady,ceiling</c>; the two
    /// memory phases stand alone.
    /// </summary>
    private static readonly (string Key, string Name, Func<BenchContext, Task> Run)[] Phases =
    [
        ("steady", "steady conversations", SteadyChatsPhase.RunAsync),
        ("ceiling", "1 ceiling", CeilingPhase.RunAsync),
        ("throughput", "2 throughput", ThroughputPhase.RunAsync),
        ("latency", "3 latency", LatencyPhase.RunAsync),
        ("growth", "4 growth", GrowthPhase.RunAsync),
        ("database", "7 database", DatabasePhase.RunAsync),
        ("full-turns", "6 full turns", FullTurnsPhase.RunAsync),
        ("frontend-memory", "5 frontend memory", FrontendMemoryPhase.RunAsync),

        // Last: its thousands of activations and their reminders would disturb every later phase.
        ("silo-memory", "5 silo memory", SiloMemoryPhase.RunAsync),
    ];

    public static IEnumerable<string> PhaseKeys => Phases.Select(p => p.Key);

    public static async Task<string> RunAsync(BenchOptions options, Action<string> log, CancellationToken ct)
    {
        var sizes = options.Sizes;
        var clock = Stopwatch.StartNew();
        var loadBefore = Machine.LoadAverage();
        void Log(string line) => log($"[{clock.Elapsed:mm\\:ss}] {line}");

        await using var stack = await BenchStack.StartAsync(options.Durable, options.SiloEnvironment, Log, ct);
        var context = new BenchContext(stack, options, Log, ct);
        foreach (var (_, name, run) in Phases.Where(p => options.Only.Count == 0 || options.Only.Contains(p.Key)))
        {
            ct.ThrowIfCancellationRequested();
            Log($"== {name}");
            await run(context);
        }

        var text = new StringBuilder()
            .AppendLine("# ChatbotOrleans benchmark")
            .AppendLine()
            .Append(CultureInfo.InvariantCulture, $"- Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, sizes {sizes.Name}, took {clock.Elapsed.TotalMinutes:0.0} min{Scope(options)}").AppendLine()
            .Append(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores ({Machine.CpuModel()}), {Machine.MemoryGiB():0} GiB, load average {loadBefore} at start, {Machine.LoadAverage()} at end (shared machine)").AppendLine()
            .Append(CultureInfo.InvariantCulture, $"- PostgreSQL {stack.PostgresVersion}, local, {stack.PostgresSettings}; silo in Production configuration; this process = Orleans client + fake model + Chromium driver").AppendLine()
            .AppendLine()
            .Append(context.Table.ToMarkdown());
        return text.ToString();
    }

    private static string Scope(BenchOptions options)
    {
        var only = options.Only.Count == 0 ? "" : $"; only {string.Join(", ", options.Only)}";
        var environment = options.SiloEnvironment.Count == 0 ? "" : $"; silo environment {string.Join(", ", options.SiloEnvironment.Select(e => $"{e.Key}={e.Value}"))}";
        return only + environment;
    }

    /// <summary>Writes the report to <paramref name="path"/>, or under artifacts/bench/ with the time in its name; returns the file.</summary>
    public static string Save(string report, string? path)
    {
        var file = path ?? Path.Combine(RepositoryLayout.Find().Root, "artifacts", "bench", $"bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.WriteAllText(file, report);
        return file;
    }
}
