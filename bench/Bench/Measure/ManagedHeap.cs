using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace ChatbotOrleans.Bench.Measure;

/// <summary>
/// The live managed heap of another .NET process: a full blocking collection is induced over EventPipe (the
/// runtime's GCHeapCollect keyword, as dotnet-gcdump does it) and the heap's size after it is read from the
/// collection's own GCHeapStats event; with the heap dump keywords the runtime also lists every live object,
/// summed here by type. Unlike the working set, none of this holds a GC budget or freed space.
/// </summary>
public static class ManagedHeap
{
    private const ClrTraceEventParser.Keywords Collect = ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect;

    /// <param name="processId">The process.</param>
    /// <param name="timeout">How long to wait for the collection's statistics.</param>
    /// <param name="byType">
    /// Also list the live objects by type. The runtime buffers that heap dump in native memory it keeps after the
    /// session (the C allocator does not give it back), so a working set read after it includes it.
    /// </param>
    public static async Task<ManagedHeapReading> CollectAsync(int processId, TimeSpan timeout, bool byType)
    {
        var keywords = byType
            ? Collect | ClrTraceEventParser.Keywords.GCHeapDump | ClrTraceEventParser.Keywords.GCHeapAndTypeNames | ClrTraceEventParser.Keywords.Type
            : Collect;
        var client = new DiagnosticsClient(processId);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", byType ? EventLevel.Verbose : EventLevel.Informational, (long)keywords)], requestRundown: false);
        var collected = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var names = new Dictionary<ulong, string>();
        var sizes = new Dictionary<ulong, (long Bytes, long Count)>();
        using var source = new EventPipeEventSource(session.EventStream);
        int? fullCollection = null;
        source.Clr.GCStart += e => fullCollection ??= e.Depth == 2 ? e.Count : null;
        long? committed = null;
        source.Clr.GCDynamicEvent.GCCommittedUsage += e =>
        {
            if (fullCollection is not null)
            {
                committed = e.TotalCommittedInUse + e.TotalCommittedInFree + e.TotalCommittedInGlobalFree + e.TotalCommittedInGlobalDecommit + e.TotalBookkeepingCommitted;
            }
        };
        source.Clr.GCHeapStats += e =>
        {
            if (fullCollection is not null)
            {
                collected.TrySetResult((long)(e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4));
            }
        };
        source.Clr.TypeBulkType += e =>
        {
            for (var i = 0; i < e.Count; i++)
            {
                var type = e.Values(i);
                names[type.TypeID] = type.TypeName;
            }
        };
        source.Clr.GCBulkNode += e =>
        {
            for (var i = 0; i < e.Count; i++)
            {
                var node = e.Values(i);
                var total = sizes.GetValueOrDefault(node.TypeID);
                sizes[node.TypeID] = (total.Bytes + (long)node.Size, total.Count + 1);
            }
        };
        var processing = Task.Run(source.Process);
        long heap;
        try
        {
            heap = await collected.Task.WaitAsync(timeout);
        }
        finally
        {
            // Stopping flushes what the runtime still buffers; processing ends with the stream.
            await session.StopAsync(CancellationToken.None);
            await processing;
        }

        var types = sizes
            .GroupBy(s => names.GetValueOrDefault(s.Key, $"type {s.Key:x}"))
            .ToDictionary(g => g.Key, g => new TypeTotal(g.Sum(s => s.Value.Bytes), g.Sum(s => s.Value.Count)));
        return new ManagedHeapReading(heap, types, committed);
    }
}
