using System.Collections.Concurrent;
using System.Diagnostics;
using ChatbotOrleans.Bench.Chats;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 6: user message + streamed reply + final write. First with an instant model (turns per
/// second), then with a realistic one, where each turn's overhead is the time the subscriber waited
/// (send → <c>ReplyCompleted</c>) minus the time the fake model itself spent on that request, the
/// conversations starting spread over one turn and measured from their second turn on, while all of them run.
/// </summary>
public static class FullTurnsPhase
{
    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        context.SetModel(sizes.ReplyTokens, TimeSpan.Zero, TimeSpan.Zero);
        var chats = context.SteadyChats.Take(sizes.FullTurnConcurrency).ToList();
        var fastCpu = CpuMeter.Start(context.Stack.Silo.Id, context.Stack.PostgresProcessId);
        var perSecond = await Timed.RunForAsync(chats.Count, sizes.Window, async worker =>
        {
            var turn = await chats[worker].SendAsync(sizes.MessageCharacters);
            await turn.Completed.Within(TimeSpan.FromSeconds(60), "the reply");
            chats[worker].Forget(turn);
        });
        var ceiling = context.Ceiling.TryGetValue(sizes.FullTurnConcurrency, out var c) ? c.PerSecond : double.NaN;
        context.Log($"full turns at {chats.Count}: {perSecond:0} turns/s; " + fastCpu.Describe(perSecond * sizes.Window.TotalSeconds, "turn"));
        context.Table.Add(new ResultRow("6 Full turns", $"turns/s, {sizes.ReplyTokens}-token replies, instant model, {chats.Count} conversations",
            ResultTable.PerSecond(perSecond), double.IsNaN(ceiling) ? "" : $"ceiling {ResultTable.PerSecond(ceiling)}", perSecond / ceiling));

        context.SetModel(sizes.ReplyTokens, sizes.RealisticFirstToken, sizes.RealisticTokenDelay);
        var extra = await context.Chats.CreateAsync(Math.Max(0, sizes.RealisticConcurrencies.Max() - context.SteadyChats.Count), subscribe: true);
        var pool = context.SteadyChats.Concat(extra).ToList();
        foreach (var concurrency in sizes.RealisticConcurrencies)
        {
            await RealisticAsync(context, pool.Take(concurrency).ToList(), concurrency == sizes.RealisticConcurrencies[^1]);
        }
    }

    // The fake records a request's end just after its last byte, which can race the reply reaching us.
    private static async Task<TimeSpan> ModelTimeAsync(ConcurrentDictionary<string, TimeSpan> modelTime, string key)
    {
        var deadline = Stopwatch.GetTimestamp() + (2 * Stopwatch.Frequency);
        TimeSpan own;
        while (!modelTime.TryGetValue(key, out own))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new InvalidOperationException("The model never finished a request for message " + key);
            }

            await Task.Delay(1);
        }

        return own;
    }

    private static async Task RealisticAsync(BenchContext context, List<ChatProbe> chats, bool isTarget)
    {
        var sizes = context.Sizes;
        var modelTime = new ConcurrentDictionary<string, TimeSpan>();
        var modelTokens = 0L;
        context.Stack.Model.RequestFinished = request =>
        {
            modelTime[MessageText.KeyOf(request.LastUserText)] = Stopwatch.GetElapsedTime(request.StartedTimestamp, request.FinishedTimestamp);
            Interlocked.Add(ref modelTokens, request.TokensSent);
        };
        var overhead = new Samples();
        var model = new Samples();
        var firstTurns = new Samples();
        var byTurn = Enumerable.Range(0, sizes.RealisticTurns).Select(_ => new Samples()).ToArray();
        var delivered = 0L;
        var expected = MessageText.Reply(sizes.ReplyTokens);
        var intact = true;

        // Users do not all press send in the same millisecond: the conversations start spread over one turn's
        // model time, so the load is what that many conversations keep up, not one burst of them all at once
        // (started together, 500 first turns queued behind each other: overhead p50 570 ms, p99 716 ms, against
        // 31 / 91 ms for the third turns). A conversation's first turn is logged apart, not measured: it runs
        // while the conversations after it have not started yet. After its measured turns a conversation goes on
        // with unmeasured ones until every conversation has finished measuring, so that no measured turn runs
        // while the others are winding down either.
        var turnTime = sizes.RealisticFirstToken + (sizes.RealisticTokenDelay * sizes.ReplyTokens);
        var measuring = chats.Count;
        var turns = 0L;
        var cpu = CpuMeter.Start(context.Stack.Silo.Id, context.Stack.PostgresProcessId);
        try
        {
            await Task.WhenAll(chats.Select(async (chat, index) =>
            {
                var measured = false;
                try
                {
                    await Task.Delay(turnTime * index / chats.Count);
                    for (var i = -1; i < sizes.RealisticTurns || Volatile.Read(ref measuring) > 0; i++)
                    {
                        var turn = await chat.SendAsync(sizes.MessageCharacters);
                        var reply = await turn.Completed.WaitAsync(TimeSpan.FromMinutes(2));
                        var key = MessageText.KeyOf(MessageText.Make(turn.Id, sizes.MessageCharacters));
                        var own = await ModelTimeAsync(modelTime, key);
                        var cost = turn.ToCompleted - own;
                        if (i < 0)
                        {
                            firstTurns.Add(cost);
                        }
                        else if (i < sizes.RealisticTurns)
                        {
                            overhead.Add(cost);
                            byTurn[i].Add(cost);
                            model.Add(own);
                            if (i == sizes.RealisticTurns - 1)
                            {
                                measured = true;
                                Interlocked.Decrement(ref measuring);
                            }
                        }

                        Interlocked.Increment(ref turns);
                        Interlocked.Add(ref delivered, turn.DeltaCharacters);
                        if (reply.Text != expected)
                        {
                            intact = false;
                        }

                        chat.Forget(turn);
                    }
                }
                finally
                {
                    if (!measured)
                    {
                        // A conversation that failed must not keep the others sending for ever: the failure is
                        // what the section reports.
                        Interlocked.Decrement(ref measuring);
                    }
                }
            }));
        }
        finally
        {
            context.Stack.Model.RequestFinished = null;
        }

        // The silo may join tokens into fewer events, so what is counted is the text: every character the model
        // sent, in every turn.
        var share = (double)delivered / (expected.Length * turns);
        var n = chats.Count;
        context.Log($"realistic model at {n}: overhead p50 {overhead.P50:0.0} p99 {overhead.P99:0.0} ms over the model's p50 {model.P50:0} ms; text delivered {share:0.000}; "
            + cpu.Describe(turns, "turn"));
        context.Log($"realistic model at {n}, overhead by turn: first (not measured) p50 {firstTurns.P50:0.0} p99 {firstTurns.P99:0.0} ms; "
            + string.Join("; ", byTurn.Select((s, i) => $"turn {i + 2} p50 {s.P50:0.0} p99 {s.P99:0.0} ms")));
        var baseline = $"model p50 {ResultTable.Ms(model.P50)}";
        context.Table.Add(new ResultRow("6 Full turns", $"overhead over the model p50, {n} conversations ({sizes.RealisticFirstToken.TotalMilliseconds:0} ms + {sizes.RealisticTokenDelay.TotalMilliseconds:0} ms/token; "
            + $"started over {turnTime.TotalSeconds:0.0} s, turns 2–{sizes.RealisticTurns + 1}; the first turns, not measured: p50 {ResultTable.Ms(firstTurns.P50)}, p99 {ResultTable.Ms(firstTurns.P99)})",
            ResultTable.Ms(overhead.P50), baseline, overhead.P50 / model.P50, isTarget ? "≤ 20 ms" : "", isTarget ? overhead.P50 <= 20 : null));
        context.Table.Add(new ResultRow("6 Full turns", $"overhead over the model p99, {n} conversations",
            ResultTable.Ms(overhead.P99), $"model p99 {ResultTable.Ms(model.P99)}", overhead.P99 / model.P99, isTarget ? "≤ 100 ms" : "", isTarget ? overhead.P99 <= 100 : null));
        context.Table.Add(new ResultRow("6 Full turns", $"share of the reply text delivered as deltas, {n} conversations{(intact ? "" : " (some stored reply differs from the model's)")}",
            ResultTable.Number(share, "0.000"), $"{modelTokens:N0} tokens sent", share, "= 1.0", share == 1.0 && intact));
    }
}
