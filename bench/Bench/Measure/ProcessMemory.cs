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

    /// <summary>
    /// How much of the private memory lies in the GC's reserved range: the largest run of adjacent anonymous mappings,
    /// since the runtime reserves the address space of its heap's regions in one piece at start. The rest is outside
    /// the managed heap: the C allocator's arenas, thread stacks, native buffers.
    /// </summary>
    public static long PrivateInGcRange(int processId) => PrivateInLargestReservation(File.ReadLines($"/proc/{processId}/smaps"));

    /// <summary>The anonymous memory of the largest run of adjacent anonymous mappings in an smaps listing.</summary>
    public static long PrivateInLargestReservation(IEnumerable<string> smaps)
    {
        var runs = new List<(ulong Size, long Anonymous)>();
        ulong? end = null; // the end of the anonymous mapping just read; null after any other
        foreach (var line in smaps)
        {
            if (Mapping(line) is { } mapping)
            {
                if (!mapping.Anonymous)
                {
                    end = null;
                    continue;
                }

                var size = mapping.End - mapping.Start;
                if (mapping.Start == end)
                {
                    runs[^1] = (runs[^1].Size + size, runs[^1].Anonymous);
                }
                else
                {
                    runs.Add((size, 0));
                }

                end = mapping.End;
            }
            else if (end is not null && line.StartsWith("Anonymous:", StringComparison.Ordinal))
            {
                var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                runs[^1] = (runs[^1].Size, runs[^1].Anonymous + kib * 1024);
            }
        }

        return runs.Count == 0 ? 0 : runs.MaxBy(r => r.Size).Anonymous;
    }

    // "start-end perms offset dev inode [path]": anonymous when it has no file (inode 0) and no name but [anon:…].
    private static (ulong Start, ulong End, bool Anonymous)? Mapping(string line)
    {
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        var dash = fields.Length < 5 ? -1 : fields[0].IndexOf('-', StringComparison.Ordinal);
        if (dash < 0
            || !ulong.TryParse(fields[0].AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start)
            || !ulong.TryParse(fields[0].AsSpan(dash + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var end))
        {
            return null;
        }

        var path = fields.Length > 5 ? fields[5].Trim() : "";
        return (start, end, fields[4] == "0" && (path.Length == 0 || path.StartsWith("[anon", StringComparison.Ordinal)));
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
