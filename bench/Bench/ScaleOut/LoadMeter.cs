using System.Diagnostics;
using System.Globalization;
using ChatbotOrleans.Bench.Measure;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>
/// Who worked during a window: each silo against its quota (and how often its cgroup was throttled), PostgreSQL's
/// commits and CPU, this process (Orleans client + fake model, the load generator). What saturated is read from it.
/// </summary>
public sealed class LoadMeter
{
    private readonly BenchContext _context;
    private readonly SiloCluster _cluster;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly SiloCpuReading[] _silos;
    private readonly IReadOnlyDictionary<int, long> _postgres;
    private readonly TimeSpan _bench;
    private readonly DatabaseCounters _database;
    private readonly IClusterClient _client;

    private LoadMeter(BenchContext context, SiloCluster cluster, IClusterClient client, DatabaseCounters database)
    {
        _context = context;
        _cluster = cluster;
        _client = client;
        _database = database;
        _silos = cluster.ReadCpu();
        _postgres = ProcessCpu.TreeTicks(context.Stack.PostgresProcessId);
        _bench = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public double SiloQuotaUsed { get; private set; }

    public double ThrottledShare { get; private set; }

    public double CommitsPerSecond { get; private set; }

    public double PostgresCores { get; private set; }

    public double BenchCores { get; private set; }

    public string Describe { get; private set; } = "";

    public static async Task<LoadMeter> StartAsync(BenchContext context, SiloCluster cluster, IClusterClient client) =>
        new(context, cluster, client, await DatabaseCounters.ReadAsync(context.Stack.ConnectionString, context.CancellationToken));

    public async Task<LoadMeter> StopAsync(double operations, string operation)
    {
        var seconds = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        var silos = _cluster.ReadCpu();
        var postgres = ProcessCpu.Between(_postgres, ProcessCpu.TreeTicks(_context.Stack.PostgresProcessId));
        var bench = Process.GetCurrentProcess().TotalProcessorTime - _bench;
        var database = await DatabaseCounters.ReadAsync(_context.Stack.ConnectionString, _context.CancellationToken) - _database;
        var queueGrains = await QueueGrains.HostsAsync(_client);

        var used = silos.Select(s => (s.Used - _silos.Single(b => b.Silo == s.Silo).Used).TotalSeconds / seconds).ToArray();
        var throttled = silos.Where(s => s.Throttling is not null)
            .Select(s => (s.Throttling! - _silos.Single(b => b.Silo == s.Silo).Throttling!).ThrottledShare).DefaultIfEmpty(double.NaN).ToArray();
        SiloQuotaUsed = used.Average() / _cluster.CoresPerSilo;
        ThrottledShare = throttled.Average();
        CommitsPerSecond = database.Commits / seconds;
        PostgresCores = postgres.TotalSeconds / seconds;
        BenchCores = bench.TotalSeconds / seconds;
        var perOperation = 1000 / Math.Max(operations, 1);
        Describe = string.Create(CultureInfo.InvariantCulture,
            $"silos' cores {string.Join('/', used.Select(u => u.ToString("0.00", CultureInfo.InvariantCulture)))} of {_cluster.CoresPerSilo:0.00} each, throttled in {ThrottledShare:P0} of periods; "
            + $"PostgreSQL {PostgresCores:0.00} cores, {CommitsPerSecond:0} commits/s, {database.WalBytes * perOperation / 1000:0} B WAL per {operation}; bench {BenchCores:0.00} cores; "
            + $"CPU per {operation}: silos {used.Sum() * seconds * perOperation:0.00} ms, PostgreSQL {postgres.TotalSeconds * perOperation:0.00} ms, bench {bench.TotalSeconds * perOperation:0.00} ms; "
            + $"{queueGrains}; load {Machine.LoadAverage()}");
        return this;
    }
}
