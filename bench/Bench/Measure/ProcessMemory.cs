using System.Globalization;

namespace ChatbotOrleans.Bench.Measure;

/// <summary>The working set (resident set, VmRSS) of another process, as Linux reports it.</summary>
public static class ProcessMemory
{
    public static long WorkingSetBytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{processId}/status has no VmRSS line.");
    }

    /// <summary>
    /// The working set once it stops moving: the median of a few readings a little apart, so one
    /// garbage collection in the middle does not decide the figure.
    /// </summary>
    public static async Task<long> SettledWorkingSetAsync(int processId, TimeSpan settle)
    {
        await Task.Delay(settle);
        var readings = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            readings.Add(WorkingSetBytes(processId));
            await Task.Delay(200);
        }

        readings.Sort();
        return readings[readings.Count / 2];
    }
}
