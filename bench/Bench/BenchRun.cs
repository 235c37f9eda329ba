using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChatbotOrleans.Bench.Hosting;
using ChatbotOrleans.DevHost;

namespace ChatbotOrleans.Bench;

/// <summary>One run: start the stack, measure every section in an order that keeps them from disturbing each other, report.</summary>
public static class BenchRun
{
    public static async Task<string> RunAsync(BenchSizes sizes, bool durable, IReadOnlyCollection<string> only, Action<string> log, CancellationToken ct)
    {
        var phases = BenchPhase.Select(only);
        var clock = Stopwatch.StartNew();
        var loadBefore = Machine.LoadAverage();
        void Log(string line) => log($"[{clock.Elapsed:mm\\:ss}] {line}");

        await using var stack = await BenchStack.StartAsync(durable, Log, ct);
        var context = new BenchContext(stack, sizes, Log, ct);
        foreach (var phase in phases)
        {
            ct.ThrowIfCancellationRequested();
            Log($"== {phase.Name}");
            await phase.Run(context);
        }

        var text = new StringBuilder()
            .AppendLine("# ChatbotOrleans benchmark")
            .AppendLine()
            .Append(CultureInfo.InvariantCulture, $"- Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, sizes {sizes.Name}, took {clock.Elapsed.TotalMinutes:0.0} min{(only.Count > 0 ? $", only {string.Join(", ", phases.Select(p => p.Id))}" : "")}").AppendLine()
            .Append(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores ({Machine.CpuModel()}), {Machine.MemoryGiB():0} GiB, load average {loadBefore} at start, {Machine.LoadAverage()} at end (shared machine)").AppendLine()
            .Append(CultureInfo.InvariantCulture, $"- PostgreSQL {stack.PostgresVersion}, local, {stack.PostgresSettings}; silo in Production configuration; this process = Orleans client + fake model + Chromium driver").AppendLine()
            .AppendLine()
            .Append(context.Table.ToMarkdown());
        return text.ToString();
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
