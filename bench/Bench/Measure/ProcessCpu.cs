using System.Globalization;

namespace ChatbotOrleans.Bench.Measure;

/// <summary>The CPU time another process has used (user + system, from /proc/PID/stat).</summary>
public static class ProcessCpu
{
    // Linux reports these in clock ticks, 100 a second on every common configuration.
    private const double TicksPerSecond = 100;

    public static TimeSpan Used(int processId) => TimeSpan.FromSeconds(Ticks(Fields(processId)) / TicksPerSecond);

    /// <summary>
    /// The CPU ticks of each living thread of a process whose name starts with <paramref name="threadName"/>, by thread
    /// id: compare two with <see cref="Between"/> (a thread may end and another of the name start in between).
    /// </summary>
    public static IReadOnlyDictionary<int, long> ThreadTicks(int processId, string threadName)
    {
        var ticks = new Dictionary<int, long>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(threadName, StringComparison.Ordinal)
                    && TryFields($"{task}/stat") is { } fields)
                {
                    ticks[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = Ticks(fields);
                }
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read.
            }
        }

        return ticks;
    }

    /// <summary>
    /// The CPU ticks of a process and of each of its living children (e.g. the postmaster and its backends), by
    /// process id: compare two with <see cref="Between"/>.
    /// </summary>
    public static IReadOnlyDictionary<int, long> TreeTicks(int processId)
    {
        var ticks = new Dictionary<int, long> { [processId] = Ticks(Fields(processId)) };
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var child)
                && TryFields(child) is { } fields
                && int.Parse(fields[1], CultureInfo.InvariantCulture) == processId)
            {
                ticks[child] = Ticks(fields);
            }
        }

        return ticks;
    }

    /// <summary>
    /// The CPU used between two readings of <see cref="TreeTicks"/> (or <see cref="ThreadTicks"/>): by the processes
    /// alive at the end, each since the first reading or since it started. A child that ended in between is left out
    /// rather than guessed at (the parent's cutime would add its whole life, not the part in between): the pools
    /// measured keep theirs.
    /// </summary>
    public static TimeSpan Between(IReadOnlyDictionary<int, long> before, IReadOnlyDictionary<int, long> after) =>
        TimeSpan.FromSeconds(after.Sum(p => Math.Max(0, p.Value - before.GetValueOrDefault(p.Key))) / TicksPerSecond);

    private static long Ticks(string[] fields) =>
        long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);

    // Fields after the command name (which may hold spaces): [0] state, [1] parent, ... [11] utime, [12] stime.
    private static string[] Fields(int processId) =>
        TryFields(processId) ?? throw new InvalidOperationException($"Process {processId} is gone.");

    private static string[]? TryFields(int processId) => TryFields($"/proc/{processId}/stat");

    private static string[]? TryFields(string statPath)
    {
        try
        {
            var stat = File.ReadAllText(statPath);
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
