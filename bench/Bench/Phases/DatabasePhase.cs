using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 7: full turns in conversations at their steady size, with PostgreSQL's commits
/// (pg_stat_database, all of the database's, heartbeats and reminders included) and WAL bytes
/// (pg_current_wal_lsn) counted around them, per user message, against the text the turn stores.
/// </summary>
public static class DatabasePhase
{
    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        context.SetModel(sizes.ShortReplyTokens, TimeSpan.Zero, TimeSpan.Zero);
        var chats = context.SteadyChats.Take(sizes.DatabaseConversations).ToList();
        var replyBytes = Chats.MessageText.Reply(sizes.ShortReplyTokens).Length;

        // A busy backend publishes its statistics at most once a second, and when it goes idle less than a second
        // after its last report, only 10 s later (PostgreSQL 15): the readings wait that long for the silo's pooled connections.
        var settle = context.Sizes.StatisticsSettle;
        await Task.Delay(settle);
        await StatementStatistics.ResetAsync(context.Stack.ConnectionString, context.CancellationToken);
        var before = await DatabaseCounters.ReadAsync(context.Stack.ConnectionString, context.CancellationToken);
        await Task.WhenAll(chats.Select(async chat =>
        {
            for (var i = 0; i < sizes.DatabaseTurns; i++)
            {
                var turn = await chat.SendAsync(sizes.MessageCharacters);
                await turn.Completed.Within(TimeSpan.FromSeconds(30), "the reply");
                chat.Forget(turn);
            }
        }));
        await Task.Delay(settle);
        var after = await DatabaseCounters.ReadAsync(context.Stack.ConnectionString, context.CancellationToken);
        var used = after - before;
        context.Log("Statements of this section (pg_stat_statements):\n"
            + await StatementStatistics.DescribeAsync(context.Stack.ConnectionString, context.CancellationToken));
        context.Log("WAL of this section by record type (pg_waldump):\n"
            + await WalBreakdown.DescribeAsync(context.Stack.PostgresDataDirectory, before.WalPosition, after.WalPosition));

        double messages = chats.Count * sizes.DatabaseTurns;
        var commits = used.Commits / messages;
        var wal = used.WalBytes / messages;
        var ownSize = sizes.MessageCharacters + replyBytes;
        context.Log($"database: {commits:0.00} commits and {wal:0} WAL bytes per user message ({ownSize} bytes of text)");
        context.Table.Add(new ResultRow("7 Database", "commits per user message (pg_stat_database, the reply's write included)",
            ResultTable.Number(commits), "", null, "≤ 2", commits <= 2));
        context.Table.Add(new ResultRow("7 Database",
            $"WAL bytes per user message (its log row ~{context.StatePayload.Length:N0} bytes)",
            $"{wal:N0} B", $"message {sizes.MessageCharacters} B + reply {replyBytes} B", wal / ownSize, "≤ 3 × the message size", wal <= 3 * ownSize));
    }
}
