using System.Globalization;

namespace ChatbotOrleans.Bench.Measure;

/// <summary>The CPU time another process has used (user + system, from /proc/PID/stat).</summary>
public static class ProcessCpu
{
    // Linux reports these in clock ticks, 100 a second on every common configuration.
    private const double TicksPerSecond = 100;

    public static TimeSpan Used(int processId) => TimeSpan.FromSeconds(Ticks(Fields(processId)) / TicksPerSecond);

    /// <summary>
    /// A process and its living children together, e.g. the postmaster and its backends (whose CPU only
    /// reaches the parent's counters once they exit, so both are counted: a backend ending in between is missed).
    /// </summary>
    public static TimeSpan UsedWithChildren(int processId)
    {
        var ticks = Ticks(Fields(processId));
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var child)
                && TryFields(child) is { } fields
                && int.Parse(fields[1], CultureInfo.InvariantCulture) == processId)
            {
                ticks += Ticks(fields);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static long Ticks(string[] fields) =>
        long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);

    // Fields after the command name (which may hold spaces): [0] state, [1] parent, ... [11] utime, [12] stime.
    private static string[] Fields(int processId) =>
        TryFields(processId) ?? throw new InvalidOperationException($"Process {processId} is gone.");

    private static string[]? TryFields(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
