using System.Globalization;

namespace ChatbotOrleans.Bench.Measure;

/// <summary>The working set (resident set, VmRSS) and private memory of another process, as Linux reports them.</summary>
public static class ProcessMemory
{
    public static long WorkingSetBytes(int processId) => StatusBytes(processId, "VmRSS");

    /// <summary>
    /// The resident private anonymous memory (RssAnon): heaps, stacks, native buffers. Unlike the working set it
    /// leaves out code, the files mapped from disk and the JIT's code (shared memory), which a warm process
    /// grows for a while whatever it serves.
    /// </summary>
    public static long PrivateBytes(int processId) => StatusBytes(processId, "RssAnon");

    /// <summary>Both figures once they stop moving: the median of a few readings a little apart.</summary>
    public static async Task<(long WorkingSet, long Private)> SettledAsync(int processId, TimeSpan settle)
    {
        await Task.Delay(settle);
        var readings = new List<(long WorkingSet, long Private)>();
        for (var i = 0; i < 5; i++)
        {
            readings.Add((WorkingSetBytes(processId), PrivateBytes(processId)));
            await Task.Delay(200);
        }

        return (readings.Select(r => r.WorkingSet).Order().ElementAt(2), readings.Select(r => r.Private).Order().ElementAt(2));
    }

    /// <summary>The process's thread count: each thread holds a stack and may hold an allocator arena.</summary>
    public static int Threads(int processId) => (int)StatusValue(processId, "Threads");

    private static long StatusBytes(int processId, string field) => StatusValue(processId, field) * 1024;

    private static long StatusValue(int processId, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var value = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{processId}/status has no {field} line.");
    }
}
