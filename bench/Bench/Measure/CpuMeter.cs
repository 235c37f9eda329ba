using System.Diagnostics;

namespace ChatbotOrleans.Bench.Measure;

/// <summary>CPU used by the silo, PostgreSQL and this process over a piece of work: where the time goes.</summary>
public sealed class CpuMeter
{
    private readonly int _silo;
    private readonly int _postgres;
    private readonly (TimeSpan Silo, IReadOnlyDictionary<int, long> Postgres, TimeSpan Bench) _start;
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private CpuMeter(int silo, int postgres)
    {
        _silo = silo;
        _postgres = postgres;
        _start = Read();
    }

    public static CpuMeter Start(int silo, int postgres) => new(silo, postgres);

    /// <summary>One line: each process's CPU per operation in milliseconds, and the share of the two cores used.</summary>
    public string Describe(double operations, string operation)
    {
        var end = Read();
        var elapsed = Stopwatch.GetElapsedTime(_startedAt);
        var silo = end.Silo - _start.Silo;
        var postgres = ProcessCpu.Between(_start.Postgres, end.Postgres);
        var bench = end.Bench - _start.Bench;
        var total = silo + postgres + bench;
        return $"CPU per {operation}: silo {Ms(silo)}, PostgreSQL {Ms(postgres)}, bench (client + fake model) {Ms(bench)} ms; "
            + $"together {total / elapsed:0.00} of {Environment.ProcessorCount} cores";

        string Ms(TimeSpan used) => (used.TotalMilliseconds / Math.Max(operations, 1)).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
    }

    private (TimeSpan Silo, IReadOnlyDictionary<int, long> Postgres, TimeSpan Bench) Read() =>
        (ProcessCpu.Used(_silo), ProcessCpu.TreeTicks(_postgres), Process.GetCurrentProcess().TotalProcessorTime);
}
