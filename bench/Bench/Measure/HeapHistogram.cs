using System.Globalization;
using System.Text;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Runtime;

namespace ChatbotOrleans.Bench.Measure;

/// <summary>
/// The managed heap of another process by type: a heap dump written by the runtime itself (no
/// <c>dotnet-gcdump</c> needed), read with ClrMD. Counts every object on the heap, so take it right after
/// <see cref="ManagedHeap.CollectAsync"/> to see what is alive.
/// </summary>
public static class HeapHistogram
{
    public static async Task<string> DescribeAsync(int processId, int top, int divisor, string scratchDirectory, CancellationToken ct)
    {
        var dump = Path.Combine(scratchDirectory, $"silo-{processId}.dmp");
        await new DiagnosticsClient(processId).WriteDumpAsync(DumpType.WithHeap, dump, logDumpGeneration: false, ct);
        try
        {
            return Describe(dump, top, divisor);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    private static string Describe(string dump, int top, int divisor)
    {
        using var target = DataTarget.LoadDump(dump);
        // ClrMD finds no DAC by itself on Linux (no symbol server): the silo runs on this process's runtime, which ships
        // one. The runtime's own dump leaves the module's version out (ClrMD reads 0.0), hence no version check.
        var dac = Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "libmscordaccore.so");
        using var runtime = target.ClrVersions[0].CreateRuntime(dac, ignoreMismatch: true);
        var byType = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        var byteArraysBySize = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        var byteArraysByHolder = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        long objects = 0, bytes = 0;
        foreach (var item in runtime.Heap.EnumerateObjects())
        {
            var name = item.Type?.Name ?? "(unknown)";
            var size = (long)item.Size;
            Add(byType, name, size);
            objects++;
            bytes += size;
            if (name == ByteArray)
            {
                Add(byteArraysBySize, SizeClass(size), size);
            }

            // Byte arrays are the largest type but say nothing of their owner: count what holds them.
            foreach (var reference in item.EnumerateReferences())
            {
                if (reference.Type?.Name == ByteArray)
                {
                    Add(byteArraysByHolder, name, (long)reference.Size);
                }
            }
        }

        var committed = runtime.Heap.Segments.Sum(s => (long)s.CommittedMemory.Length);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"heap: {objects:N0} objects, {bytes / 1048576.0:0.0} MiB in objects, {committed / 1048576.0:0.0} MiB committed in segments; per conversation (÷ {divisor:N0}):")
            .AppendLine();
        foreach (var (name, (count, size)) in byType.OrderByDescending(t => t.Value.Bytes).Take(top))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {size / 1048576.0,8:0.0} MiB {count,11:N0} × {(double)count / divisor,7:0.00} {(double)size / divisor,9:0} B  {name}").AppendLine();
        }

        text.AppendLine("  byte arrays by size:");
        foreach (var (size, (count, total)) in byteArraysBySize.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"    {size}: {count:N0}, {total / 1048576.0:0.0} MiB").AppendLine();
        }

        text.AppendLine("  byte arrays by the type of the object referring to them:");
        foreach (var (holder, (count, total)) in byteArraysByHolder.OrderByDescending(t => t.Value.Bytes).Take(12))
        {
            text.Append(CultureInfo.InvariantCulture, $"    {total / 1048576.0,8:0.0} MiB {count,9:N0}  {holder}").AppendLine();
        }

        return text.ToString();
    }

    private const string ByteArray = "System.Byte[]";

    private static void Add(Dictionary<string, (long Count, long Bytes)> totals, string key, long size) =>
        totals[key] = totals.TryGetValue(key, out var entry) ? (entry.Count + 1, entry.Bytes + size) : (1, size);

    private static string SizeClass(long size) => size switch
    {
        < 256 => "1 under 256 B",
        < 4096 => "2 under 4 KiB",
        < 65536 => "3 under 64 KiB",
        < 1048576 => "4 under 1 MiB",
        _ => "5 1 MiB or more",
    };
}
