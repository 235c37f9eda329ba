using System.Globalization;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>
/// A cgroup (v1 <c>cpu</c> controller) that caps the processes put in it at a share of one core, so that each silo
/// of a scale-out run has the same CPU budget whatever the others and the load generator do, or (no quota) that
/// only weighs its processes. Removed on dispose, its processes moved back to the root group first (a cgroup with
/// tasks cannot be removed).
/// </summary>
public sealed class CpuGroup : IDisposable
{
    private const string Root = "/sys/fs/cgroup/cpu";
    private const int PeriodMicroseconds = 100_000;

    // 8 × the default weight: on a machine shared with other work, a group still gets its quota (or, without one,
    // its share) instead of a slice per runnable thread elsewhere; the quota still caps it.
    private const int Shares = 8192;
    private readonly string _path;

    private CpuGroup(string path, double? cores)
    {
        _path = path;
        Cores = cores;
    }

    /// <summary>The quota in cores, or null for none.</summary>
    public double? Cores { get; }

    /// <summary>Whether this machine lets us make cpu cgroups (root, cgroup v1 with the cpu controller mounted).</summary>
    public static bool Available => File.Exists(Path.Combine(Root, "cpu.cfs_quota_us")) && Environment.UserName == "root";

    public static CpuGroup Create(string name, double? cores)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        var group = new CpuGroup(path, cores);
        group.Write("cpu.shares", Shares);
        group.Write("cpu.cfs_period_us", PeriodMicroseconds);
        group.Enforce(true);
        return group;
    }

    /// <summary>Caps the group at its share, or lifts the cap (-1) while nothing is measured, e.g. while a new silo's code is compiled.</summary>
    public void Enforce(bool enforced) => Write("cpu.cfs_quota_us", enforced && Cores is { } cores ? (long)(cores * PeriodMicroseconds) : -1);

    /// <summary>Moves a process, all its threads, into this group (its children started later follow it).</summary>
    public void Add(int processId)
    {
        try
        {
            Write("cgroup.procs", processId);
        }
        catch (IOException)
        {
            // It ended meanwhile (a PostgreSQL backend whose connection closed).
        }
    }

    /// <summary>The scheduler's counters: CFS periods with work, periods in which the group ran out of quota, time held back.</summary>
    public CpuThrottling Read()
    {
        var values = File.ReadLines(Path.Combine(_path, "cpu.stat"))
            .Select(line => line.Split(' '))
            .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new CpuThrottling(values["nr_periods"], values["nr_throttled"], TimeSpan.FromTicks(values["throttled_time"] / 100));
    }

    public void Dispose()
    {
        foreach (var task in File.ReadAllLines(Path.Combine(_path, "cgroup.procs")))
        {
            try
            {
                File.WriteAllText(Path.Combine(Root, "cgroup.procs"), task);
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }

        Directory.Delete(_path);
    }

    private void Write(string file, long value) => File.WriteAllText(Path.Combine(_path, file), value.ToString(CultureInfo.InvariantCulture));
}
