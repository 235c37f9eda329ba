using System.Diagnostics;
using ChatbotOrleans.Bench.Chats;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;
using Npgsql;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>
/// A crash under load: the silo holding the most conversations gets SIGKILL while all of them send. Timed: until the
/// membership table says it is dead, and until each of its conversations saw a reply again.
/// </summary>
public static class SiloKill
{
    private const int DeadStatus = 6; // Orleans' SiloStatus.Dead in the membership table
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public static async Task RunAsync(BenchContext context, SiloCluster cluster, IClusterClient client, IReadOnlyList<ChatProbe> chats)
    {
        var ct = context.CancellationToken;
        using var asks = new ModelAsks(context.Stack.Model);
        var load = await FaultRuns.StartLoadAsync(context, chats);

        var management = client.GetGrain<IManagementGrain>(0);
        var homes = await Task.WhenAll(chats.Select(c => management.GetActivationAddress(c.Grain).AsTask()));
        var victim = cluster.Running.OrderByDescending(s => homes.Count(h => h?.Endpoint.Port == s.SiloPort)).First();
        var affected = Enumerable.Range(0, chats.Count).Where(i => homes[i]?.Endpoint.Port == victim.SiloPort).ToList();

        var killedAt = Stopwatch.GetTimestamp();
        await victim.KillAsync();
        var declaredDead = await UntilDeadAsync(context, victim.SiloPort, killedAt);
        while (affected.Any(i => load.NextReplyAfter(i, killedAt) is null) && Stopwatch.GetElapsedTime(killedAt) < Deadline)
        {
            await Task.Delay(200, ct);
        }

        await Task.Delay(FaultRuns.Settle, ct);
        await load.StopAsync();
        var recovered = Recovery(load, affected, killedAt);
        var others = Recovery(load, Enumerable.Range(0, chats.Count).Except(affected), killedAt);
        context.Log($"silo {victim.Index} killed (SIGKILL) with {affected.Count} of {chats.Count} conversations: declared dead after {declaredDead.TotalSeconds:0.0} s; "
            + $"its conversations answered again after p50 {recovered.P50:0} p99 {recovered.P99:0} max {recovered.Percentile(100):0} ms "
            + $"({recovered.Count} of {affected.Count}), the others' next reply p50 {others.P50:0} p99 {others.P99:0} ms; "
            + $"sends retried {load.RetriedSends} ({load.TimedOutCalls} timed out), replies read from the snapshot {load.RepliesFromSnapshot}, unanswered {load.Unanswered}");

        var what = $"silo killed (SIGKILL), 1 of {cluster.Silos.Count}, {chats.Count} conversations sending";
        context.Table.Add(new ResultRow(ScaleOutReport.Section, $"{what}: until the cluster declared it dead (failure detection of the fault tests: probes 1 s, 2 missed)",
            ResultTable.Ms(declaredDead.TotalMilliseconds)));
        context.Table.Add(new ResultRow(ScaleOutReport.Section, $"{what}: until each of its {affected.Count} conversations saw a reply again, p50 / p99",
            $"{ResultTable.Ms(recovered.P50)} / {ResultTable.Ms(recovered.P99)}",
            $"the other conversations' next reply p50 {ResultTable.Ms(others.P50)}; {load.RetriedSends} sends retried ({load.TimedOutCalls} timed out)",
            null, $"all {affected.Count}", recovered.Count == affected.Count));
        await FaultRuns.CheckDeliveryAsync(context, what, load, asks);
    }

    private static Samples Recovery(FaultLoad load, IEnumerable<int> chats, long since)
    {
        var samples = new Samples();
        foreach (var chat in chats)
        {
            if (load.NextReplyAfter(chat, since) is { } after)
            {
                samples.Add(after);
            }
        }

        return samples;
    }

    /// <summary>Reads the membership table until the killed silo's row says Dead.</summary>
    private static async Task<TimeSpan> UntilDeadAsync(BenchContext context, int port, long since)
    {
        await using var connection = new NpgsqlConnection(context.Stack.ConnectionString);
        await connection.OpenAsync(context.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT status FROM orleansmembershiptable WHERE deploymentid = @cluster AND port = @port ORDER BY generation DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("cluster", context.Stack.Topology.ClusterId);
        command.Parameters.AddWithValue("port", port);
        while (Stopwatch.GetElapsedTime(since) < Deadline)
        {
            if (await command.ExecuteScalarAsync(context.CancellationToken) is int status && status == DeadStatus)
            {
                return Stopwatch.GetElapsedTime(since);
            }

            await Task.Delay(50, context.CancellationToken);
        }

        throw new TimeoutException($"The killed silo on port {port} was not declared dead within {Deadline.TotalSeconds:0} s.");
    }
}
