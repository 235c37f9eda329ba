using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 3: one conversation, one message at a time after a short random pause, the model's first token at 0 ms: send →
/// <c>MessageAdded</c> seen by the subscriber, and send → first reply token, so the figures are our overhead.
/// </summary>
public static class LatencyPhase
{
    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        context.SetModel(sizes.ShortReplyTokens, TimeSpan.Zero, TimeSpan.Zero);
        var chat = context.SteadyChats[0];
        var added = new Samples();
        var firstToken = new Samples();
        var timeout = TimeSpan.FromSeconds(30);
        for (var i = 0; i < sizes.LatencySamples; i++)
        {
            // A user pauses after reading the reply. Without a pause every send would follow the event that
            // ended the last turn at a fixed point of the stream's polling cycle and measure that cycle's
            // worst case every time; a random pause samples it as users do.
#pragma warning disable CA5394 // the pause needs no cryptographic randomness
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 50)));
#pragma warning restore CA5394
            var turn = await chat.SendAsync(sizes.MessageCharacters);
            await turn.Completed.Within(timeout, "the reply");
            added.Add(turn.ToAdded);
            firstToken.Add(turn.ToFirstToken);
            chat.Forget(turn);
        }

        var ceiling = context.Ceiling[sizes.Concurrencies[0]].Latency;
        context.Log($"latency: MessageAdded p50 {added.P50:0.00} p99 {added.P99:0.00} ms; first token p50 {firstToken.P50:0.00} p99 {firstToken.P99:0.00} ms");
        context.Table.Add(new ResultRow("3 Latency", "send → MessageAdded p50", ResultTable.Ms(added.P50),
            $"upsert p50 {ResultTable.Ms(ceiling.P50)}", added.P50 / ceiling.P50, "≤ 2 × upsert p50", added.P50 <= 2 * ceiling.P50));
        context.Table.Add(new ResultRow("3 Latency", "send → MessageAdded p95", ResultTable.Ms(added.P95),
            $"upsert p95 {ResultTable.Ms(ceiling.P95)}", added.P95 / ceiling.P95));
        context.Table.Add(new ResultRow("3 Latency", "send → MessageAdded p99", ResultTable.Ms(added.P99),
            $"upsert p99 {ResultTable.Ms(ceiling.P99)}", added.P99 / ceiling.P99, "≤ 4 × upsert p99", added.P99 <= 4 * ceiling.P99));
        context.Table.Add(new ResultRow("3 Latency", "send → first reply token p50 / p95 / p99 (model at 0 ms)",
            $"{ResultTable.Ms(firstToken.P50)} / {ResultTable.Ms(firstToken.P95)} / {ResultTable.Ms(firstToken.P99)}",
            $"upsert p50 {ResultTable.Ms(ceiling.P50)}", firstToken.P50 / ceiling.P50));
    }
}
