using System.Collections.Concurrent;
using ChatbotOrleans.LocalRun;
using Shouldly;

namespace ChatbotOrleans.Bench.Tests;

public sealed class QuickBenchTests
{
    private static readonly string[] Sections =
        ["1 Ceiling", "2 Throughput", "3 Latency", "4 Growth", "5 Memory", "6 Full turns", "7 Database", "8 Archive"];

    /// <summary>Only that the bench runs end to end and reports every section; its figures are never asserted here.</summary>
    [Fact]
    public async Task The_quick_bench_runs_end_to_end_and_writes_a_table_with_every_section()
    {
        var layout = RepositoryLayout.Find();
        var report = Path.Combine(Directory.CreateTempSubdirectory("chatbot-bench-test-").FullName, "report.md");
        var output = new ConcurrentQueue<string>();
        var bench = AppProcess.Start("bench", BenchAssembly(layout), layout.Root, new Dictionary<string, string?>(), output.Enqueue, "--quick", "--out", report);
        int exitCode;
        try
        {
            // A guard against a hung bench, not a speed limit: each phase has its own deadlines, and a loaded
            // machine (a full suite beside a CPU hog) took more than 3 minutes for what takes 1 when quiet.
            await bench.Exited.WaitAsync(TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);
            exitCode = bench.ExitCode;
        }
        finally
        {
            await bench.DisposeAsync();
        }

        exitCode.ShouldBe(0, string.Join('\n', output.TakeLast(40)));
        var table = await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken);
        table.ShouldContain("| Section | Measure | Value | Baseline (same run) | Ratio | Target | Result |");
        foreach (var section in Sections)
        {
            table.ShouldContain($"\n| {section} |", customMessage: $"section {section} is missing:\n{table}");
        }

        table.ShouldContain("Targets met:");
        Directory.Delete(Path.GetDirectoryName(report)!, recursive: true);
    }

    private static string BenchAssembly(RepositoryLayout layout) =>
        Path.Combine(layout.Root, "bench", "Bench", "bin", Configuration, "net10.0", "ChatbotOrleans.Bench.dll");

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
