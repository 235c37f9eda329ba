using System.Diagnostics;
using ChatbotOrleans.Bench.Archive;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 8, scrolling back: one conversation of <see cref="BenchSizes.PagingMessages"/> messages (written into the log
/// by COPY, not sent), read a page of older messages at a time through the grain API as the page does
/// (<c>GetHistoryAsync</c>, keyset by sequence): the page that reaches message 10 and the one that reaches the newest
/// end, taking turns so that the machine's load weighs on both alike.
/// </summary>
public static class PagingPhase
{
    public const int PageSize = 50;

    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var chat = (await context.Chats.CreateAsync(1))[0];
        await new ArchiveCorpus(context.Stack.ConnectionString).WriteAsync([chat.Id], sizes.PagingMessages, 30, context.CancellationToken);
        await context.Stack.ScalarAsync<object>("ANALYZE conversation_messages", context.CancellationToken, allowNull: true);

        // Before message 10 + a page: messages 10 to 59. Before the newest 10: the page that reaches message N - 10.
        var (early, late) = (10L + PageSize, sizes.PagingMessages - 10L);
        var (atEarly, atLate) = (new Samples(), new Samples());
        for (var i = 0; i < sizes.PagingSamples + 20; i++)
        {
            foreach (var (before, samples) in new[] { (early, atEarly), (late, atLate) })
            {
                var clock = Stopwatch.StartNew();
                var page = await chat.Grain.GetHistoryAsync(chat.Owner, before, PageSize);
                if (i >= 20)
                {
                    // The first calls warm the activation, the connection pool and the JIT.
                    samples.Add(clock.Elapsed);
                }

                if (page.Count != PageSize || page[^1].Sequence != before - 1)
                {
                    throw new InvalidOperationException($"A page before {before} held {page.Count} messages ending at {(page.Count > 0 ? page[^1].Sequence : 0)}.");
                }
            }
        }

        context.Log($"paging: before {early}: p50 {atEarly.P50:0.00} ms p99 {atEarly.P99:0.00} ms; before {late}: p50 {atLate.P50:0.00} ms p99 {atLate.P99:0.00} ms");
        var messages = $"{sizes.PagingMessages:N0}";
        context.Table.Add(new ResultRow("8 Archive", $"older page ({PageSize} messages) at message {late - PageSize:N0} of {messages}, grain API: p50", ResultTable.Ms(atLate.P50), "", null, "≤ 5 ms", atLate.P50 <= 5));
        context.Table.Add(new ResultRow("8 Archive", $"older page at message {late - PageSize:N0} of {messages}: p99", ResultTable.Ms(atLate.P99), "", null, "≤ 20 ms", atLate.P99 <= 20));
        context.Table.Add(new ResultRow("8 Archive", $"older page at message 10 of {messages}: p50 (p99 {ResultTable.Ms(atEarly.P99)})", ResultTable.Ms(atEarly.P50),
            $"message {late - PageSize:N0}: {ResultTable.Ms(atLate.P50)}", atEarly.P50 / atLate.P50, "≤ 1.2 × (either way)",
            Math.Max(atEarly.P50, atLate.P50) / Math.Min(atEarly.P50, atLate.P50) <= 1.2));
    }
}
