using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 2: each conversation sends a message, counts it once the subscriber saw <c>MessageAdded</c>
/// (so it was accepted, stored and delivered), then waits for the model's short reply before the next,
/// as a user does. Every user message therefore also costs the reply's write.
/// </summary>
public static class ThroughputPhase
{
    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        context.SetModel(sizes.ShortReplyTokens, TimeSpan.Zero, TimeSpan.Zero);
        var chats = context.SteadyChats;
        var timeout = TimeSpan.FromSeconds(60);
        foreach (var concurrency in sizes.Concurrencies)
        {
            var cpu = CpuMeter.Start(context.Stack.Silo.Id, context.Stack.PostgresProcessId);
            var perSecond = await Timed.RunForAsync(concurrency, sizes.Window, async worker =>
            {
                var chat = chats[worker];
                var turn = await chat.SendAsync(sizes.MessageCharacters);
                await turn.Added.Within(timeout, "MessageAdded");
                await turn.Completed.Within(timeout, "the reply");
                chat.Forget(turn);
            });
            var ceiling = context.Ceiling[concurrency].PerSecond;
            var isTarget = concurrency == sizes.Concurrencies[^1];
            context.Log($"throughput at {concurrency}: {perSecond:0} user messages/s ({perSecond / ceiling:0.00} of the ceiling); "
                + cpu.Describe(perSecond * sizes.Window.TotalSeconds, "user message"));
            context.Table.Add(new ResultRow(
                "2 Throughput", $"user messages/s, {concurrency} conversations (each followed by its {sizes.ShortReplyTokens}-token reply)",
                ResultTable.PerSecond(perSecond), $"ceiling {ResultTable.PerSecond(ceiling)}", perSecond / ceiling,
                isTarget ? "≥ 0.5 × ceiling" : "", isTarget ? perSecond / ceiling >= 0.5 : null));
        }
    }
}
