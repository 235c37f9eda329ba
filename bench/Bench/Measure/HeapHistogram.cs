using System.Globalization;
using System.Text;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Runtime;

namespace ChatbotOrleans.Bench.Measure;

/// <summary>
/// The managed heap of another process by type: a heap dump written by the runtime itself (no
/// <c>dotnet-gcdump</c> needed), read with ClrMD. Counts every object on the heap, so take it right after
/// <see cref="SiloGc.CollectAsync"/> to see what is alive.
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
        long objects = 0, bytes = 0;
        foreach (var item in runtime.Heap.EnumerateObjects())
        {
            var name = item.Type?.Name ?? "(unknown)";
            var size = (long)item.Size;
            byType[name] = byType.TryGetValue(name, out var entry) ? (entry.Count + 1, entry.Bytes + size) : (1, size);
            objects++;
            bytes += size;
        }

        var committed = runtime.Heap.Segments.Sum(s => (long)s.CommittedMemory.Length);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"heap: {objects:N0} objects, {bytes / 1048576.0:0.0} MiB in objects, {committed / 1048576.0:0.0} MiB committed in segments; per conversation (÷ {divisor:N0}):")
            .AppendLine();
        foreach (var (name, (count, size)) in byType.OrderByDescending(t => t.Value.Bytes).Take(top))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {size / 1048576.0,8:0.0} MiB {count,11:N0} × {(double)count / divisor,7:0.00} {(double)size / divisor,9:0} B  {name}").AppendLine();
        }

        return text.ToString();
    }
}
