using ChatbotOrleans.Bench.Chats;
using ChatbotOrleans.Bench.Report;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>
/// A rolling deploy under load: conversations with stream subscribers keep sending while each silo in turn gets
/// SIGTERM, leaves the cluster, and is started again at the same address.
/// </summary>
public static class RollingRestart
{
    public static async Task RunAsync(BenchContext context, SiloCluster cluster, IReadOnlyList<ChatProbe> chats)
    {
        var ct = context.CancellationToken;
        using var asks = new ModelAsks(context.Stack.Model);
        var load = await FaultRuns.StartLoadAsync(context, chats);
        foreach (var silo in cluster.Silos)
        {
            await silo.StopAsync();
            context.Log($"silo {silo.Index} stopped (SIGTERM); {load.Accepted.Count:N0} messages accepted so far");
            await cluster.StartAsync(silo, ct);
            await Task.Delay(FaultRuns.Settle, ct);
        }

        await load.StopAsync();
        var stalls = load.LongestStalls();
        context.Log($"rolling restart of {cluster.Silos.Count} silos, {chats.Count} conversations: sends retried {load.RetriedSends} ({load.TimedOutCalls} timed out), "
            + $"replies read from the snapshot (event missed) {load.RepliesFromSnapshot}, unanswered {load.Unanswered}; "
            + $"longest stall per conversation p50 {stalls.P50:0} p99 {stalls.P99:0} max {stalls.Percentile(100):0} ms");

        var what = $"rolling restart (SIGTERM, start again) of {cluster.Silos.Count} silos, {chats.Count} conversations sending";
        await FaultRuns.CheckDeliveryAsync(context, what, load, asks);
        context.Table.Add(new ResultRow(ScaleOutReport.Section, $"{what}: longest stall a conversation saw, p99 / max (p50 {ResultTable.Ms(stalls.P50)})",
            $"{ResultTable.Ms(stalls.P99)} / {ResultTable.Ms(stalls.Percentile(100))}",
            $"{load.RetriedSends} sends retried ({load.TimedOutCalls} timed out), {load.RepliesFromSnapshot} replies read from the snapshot after 1 s without their event"));
    }
}
