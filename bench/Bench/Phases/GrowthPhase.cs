using ChatbotOrleans.Bench.Chats;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 4: the cost of one more message in conversations of each length, the lengths taking turns: send → stored
/// (the send call returns once the grain has the message's row in PostgreSQL), which the target judges, and
/// send → <c>MessageAdded</c>, which adds the stream's queue poll (0–10 ms whatever the length: noise of ±20%
/// between two sets of 100 samples). Where the samples would change a conversation's length by more than a
/// fifth, each sample gets its own conversation of that length.
/// </summary>
public static class GrowthPhase
{
    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        context.SetModel(sizes.ShortReplyTokens, TimeSpan.Zero, TimeSpan.Zero);
        var plans = new List<(int Length, List<ChatProbe> Chats)>();
        foreach (var length in sizes.GrowthLengths)
        {
            var separate = 2 * sizes.GrowthSamples > length / 5;
            plans.Add((length, await context.Chats.CreateAsync(separate ? sizes.GrowthSamples : 1, subscribe: true)));
        }

        // The long conversations grow side by side; their seeding is the bulk of this section's time.
        await Task.WhenAll(plans.Select(p => context.Chats.SeedAsync(p.Chats, p.Length / 2, sizes.MessageCharacters)));
        context.Log("growth: conversations seeded to " + string.Join(", ", sizes.GrowthLengths) + " messages");

        // The lengths take turns, one sample each, so that a machine getting busier or quieter during the section
        // weighs on every length alike instead of on the length measured last.
        var results = plans.Select(p => (p.Length, Stored: new Samples(), Added: new Samples(), Turn: new Samples())).ToList();
        for (var i = 0; i < sizes.GrowthSamples; i++)
        {
            foreach (var ((_, chats), (_, stored, added, turnTime)) in plans.Zip(results))
            {
                var chat = chats[i % chats.Count];
                var turn = await chat.SendAsync(sizes.MessageCharacters);
                await turn.Completed.Within(TimeSpan.FromSeconds(30), "the reply");
                stored.Add(turn.ToAccepted);
                added.Add(turn.ToAdded);
                turnTime.Add(turn.ToCompleted);
                chat.Forget(turn);
            }
        }

        foreach (var (length, stored, added, turnTime) in results)
        {
            context.Log($"growth at {length}: stored p50 {stored.P50:0.00} ms, MessageAdded p50 {added.P50:0.00} ms, turn p50 {turnTime.P50:0.00} ms");
        }

        var baseline = results[0];
        foreach (var (length, stored, added, turn) in results)
        {
            var isTarget = length == results[^1].Length;
            var ratio = stored.P50 / baseline.Stored.P50;
            context.Table.Add(new ResultRow(
                "4 Growth", $"one more message at {length:N0} messages: send → stored p50 (→ MessageAdded p50 {ResultTable.Ms(added.P50)}, {added.P50 / baseline.Added.P50:0.00} × the {baseline.Length}-message case; whole turn p50 {ResultTable.Ms(turn.P50)})",
                ResultTable.Ms(stored.P50), $"{baseline.Length} messages {ResultTable.Ms(baseline.Stored.P50)}", ratio,
                isTarget ? "≤ 1.2 × the 10-message case" : "", isTarget ? ratio <= 1.2 : null));
        }
    }
}
