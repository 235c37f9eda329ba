using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace ChatbotOrleans.Bench.Measure;

/// <summary>
/// Forces a full, blocking, compacting GC in another .NET process, the way <c>dotnet-gcdump</c> does: an
/// EventPipe session on the runtime's provider with the GC-heap-collect keyword makes the runtime collect
/// once as the session starts. What is left on the heap afterwards is what the process keeps alive.
/// </summary>
public static class SiloGc
{
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;

    public static async Task CollectAsync(int processId, CancellationToken ct)
    {
        var client = new DiagnosticsClient(processId);
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword);
        using var session = await client.StartEventPipeSessionAsync([provider], requestRundown: false, circularBufferMB: 16, ct);

        // The session's events are not needed, but its stream must be read or the runtime stalls on a full buffer.
        var drain = session.EventStream.CopyToAsync(Stream.Null, ct);

        // The collection runs as the session is enabled; the wait covers a blocking GC of a few GiB on a busy box.
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await session.StopAsync(ct);
        await drain;
    }
}
