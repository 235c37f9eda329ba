using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChatbotOrleans.Bench.Hosting;
using ChatbotOrleans.LocalRun;

namespace ChatbotOrleans.Bench;

/// <summary>One run: start the stack, measure every section in an order that keeps them from disturbing each other, report.</summary>
public static class BenchRun
{
    public static async Task<string> RunAsync(BenchOptions options, Action<string> log, CancellationToken ct)
    {
        var sizes = options.Sizes;
        var phases = BenchPhase.Select(options.Only, options.Sizes == BenchSizes.Quick);
        var clock = Stopwatch.StartNew();
        var loadBefore = Machine.LoadAverage();
        void Log(string line) => log($"[{clock.Elapsed:mm\\:ss}] {line}");

        await using var stack = await BenchStack.StartAsync(options.Durable, options.SiloEnvironment, Log, ct);
        var context = new BenchContext(stack, options, Log, ct);
        foreach (var phase in phases)
        {
            ct.ThrowIfCancellationRequested();
            Log($"== {phase.Name}");
            await phase.Run(context);
        }

        var text = new StringBuilder()
            .AppendLine("# ChatbotOrleans benchmark")
            .AppendLine()
            .Append(CultureInfo.InvariantCulture, $"- Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, sizes {sizes.Name}, took {clock.Elapsed.TotalMinutes:0.0} min{Scope(options, phases)}").AppendLine()
            .Append(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores ({Machine.CpuModel()}), {Machine.MemoryGiB():0} GiB, load average {loadBefore} at start, {Machine.LoadAverage()} at end (shared machine)").AppendLine()
            .Append(CultureInfo.InvariantCulture, $"- PostgreSQL {stack.PostgresVersion}, local, {stack.PostgresSettings}; silo in Production configuration; this process = Orleans client + fake model + Chromium driver").AppendLine()
            .AppendLine()
            .Append(context.Table.ToMarkdown());
        return text.ToString();
    }

    private static string Scope(BenchOptions options, IReadOnlyList<BenchPhase> phases)
    {
        var only = options.Only.Count == 0 ? "" : $"; only {string.Join(", ", phases.Select(p => p.Id))}";
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
