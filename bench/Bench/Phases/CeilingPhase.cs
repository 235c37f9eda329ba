using System.Diagnostics;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;
using Npgsql;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 1: the same PostgreSQL driven directly with Npgsql, each worker upserting its own row with a
/// payload the size of the write a user message costs (its row in the message log, same compressibility),
/// one statement and one commit per operation, a pooled connection opened per operation as the app does.
/// </summary>
public static class CeilingPhase
{
    private const string Upsert =
        "INSERT INTO bench_ceiling (id, payload, version) VALUES (@id, @payload, 1) "
        + "ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, version = bench_ceiling.version + 1";

    public static async Task RunAsync(BenchContext context)
    {
        await using var dataSource = NpgsqlDataSource.Create(context.Stack.ConnectionString);
        await using (var create = dataSource.CreateCommand(
            "CREATE TABLE IF NOT EXISTS bench_ceiling (id integer PRIMARY KEY, payload bytea NOT NULL, version integer NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync(context.CancellationToken);
        }

        var payload = context.StatePayload;
        for (var i = 0; i < 200; i++)
        {
            await UpsertAsync(dataSource, i % 8, payload);
        }

        // The silo has nothing to do meanwhile: what it burns is its idle cost (timers, stream queue polling).
        var silo = context.Stack.Silo.Id;
        var siloCpu = ProcessCpu.Used(silo);
        var clock = Stopwatch.StartNew();
        foreach (var concurrency in context.Sizes.Concurrencies)
        {
            var latency = new Samples();
            var perSecond = await Timed.RunForAsync(concurrency, context.Sizes.Window, async worker =>
            {
                var started = Stopwatch.GetTimestamp();
                await UpsertAsync(dataSource, worker, payload);
                latency.Add(Stopwatch.GetElapsedTime(started));
            });
            context.Ceiling[concurrency] = new CeilingResult(concurrency, perSecond, latency);
            context.Log($"ceiling at {concurrency}: {perSecond:0} upserts/s, p50 {latency.P50:0.00} ms, p99 {latency.P99:0.00} ms");
            context.Table.Add(new ResultRow(
                "1 Ceiling", $"Npgsql upserts of a {payload.Length:N0}-byte row, {concurrency} concurrent",
                ResultTable.PerSecond(perSecond), Target: "baseline"));
        }

        var idle = (ProcessCpu.Used(silo) - siloCpu) / clock.Elapsed;
        context.Log($"silo CPU while idle: {idle:P1} of a core");
        var single = context.Ceiling[context.Sizes.Concurrencies[0]].Latency;
        context.Table.Add(new ResultRow("1 Ceiling", "single-client upsert latency p50 / p95 / p99",
            $"{ResultTable.Ms(single.P50)} / {ResultTable.Ms(single.P95)} / {ResultTable.Ms(single.P99)}", Target: "baseline"));
        context.Table.Add(new ResultRow("1 Ceiling", "silo CPU meanwhile, no traffic (mostly the JIT tiering up the just-started silo; then timers, stream queue polling)",
            ResultTable.Number(100 * idle, "0.0") + " % of a core"));
    }

    private static async Task UpsertAsync(NpgsqlDataSource dataSource, int id, byte[] payload)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Upsert, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("payload", payload);
        await command.ExecuteNonQueryAsync();
    }
}
