using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 7: full turns in conversations at their steady size, with PostgreSQL's commits
/// (pg_stat_database, all of the database's, heartbeats and reminders included) and WAL bytes
/// (pg_current_wal_lsn) counted around them, per user message, against the text the turn stores.
/// Twice: with the short reply of sections 2–4 (its fixed cost per row weighs most) and with the
/// 200-token reply of section 6's turns; autovacuum is paused meanwhile and run before each window.
/// </summary>
public static class DatabasePhase
{
    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var chats = context.SteadyChats.Take(sizes.DatabaseConversations).ToList();
        await SetAutovacuumAsync(context, on: false);
        try
        {
            await MeasureAsync(context, chats, sizes.ShortReplyTokens);
            await MeasureAsync(context, chats, sizes.ReplyTokens);
        }
        finally
        {
            await SetAutovacuumAsync(context, on: true);
        }
    }

    internal static async Task SetAutovacuumAsync(BenchContext context, bool on)
    {
        await context.Stack.ScalarAsync<object>($"ALTER SYSTEM SET autovacuum = {(on ? "on" : "off")}", context.CancellationToken, allowNull: true);
        await context.Stack.ScalarAsync<bool>("SELECT pg_reload_conf()", context.CancellationToken);

        // A worker already running finishes its table; wait for it rather than count it.
        while (on is false && await context.Stack.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'", context.CancellationToken) > 0)
        {
            await Task.Delay(200, context.CancellationToken);
        }
    }

    /// <summary>Each chat sends <see cref="BenchSizes.DatabaseTurns"/> messages, one turn at a time: the section's window.</summary>
    internal static Task SendTurnsAsync(List<Chats.ChatProbe> chats, BenchSizes sizes) =>
        Task.WhenAll(chats.Select(async chat =>
        {
            for (var i = 0; i < sizes.DatabaseTurns; i++)
            {
                var turn = await chat.SendAsync(sizes.MessageCharacters);
                await turn.Completed.Within(TimeSpan.FromSeconds(30), "the reply");
                chat.Forget(turn);
            }
        }));

    private static async Task MeasureAsync(BenchContext context, List<Chats.ChatProbe> chats, int replyTokens)
    {
        var sizes = context.Sizes;
        context.SetModel(replyTokens, TimeSpan.Zero, TimeSpan.Zero);
        var replyBytes = Chats.MessageText.Reply(replyTokens).Length;

        // The earlier phases' rows would have autovacuum mark their pages all-visible and analyze the tables at a
        // moment of its choosing, inside this window in some runs (a quarter of its WAL in one): it is paused for the
        // section (see RunAsync) and done here, outside the window. An insert-only table's page is marked once in its
        // life: ~60 B of WAL for ~25 messages, which this section's own rows will cost later too.
        await context.Stack.ScalarAsync<object>("VACUUM (ANALYZE)", context.CancellationToken, allowNull: true);

        // A busy backend publishes its statistics at most once a second, and when it goes idle less than a second
        // after its last report, only 10 s later (PostgreSQL 15): the readings wait that long for the silo's pooled connections
        // (and for the VACUUM's, whose commits, one per table, would otherwise land in the window).
        var settle = context.Sizes.StatisticsSettle;
        await Task.Delay(settle);

        await StatementStatistics.ResetAsync(context.Stack.ConnectionString, context.CancellationToken);
        var before = await DatabaseCounters.ReadAsync(context.Stack.ConnectionString, context.CancellationToken);
        await SendTurnsAsync(chats, sizes);
        await Task.Delay(settle);
        var after = await DatabaseCounters.ReadAsync(context.Stack.ConnectionString, context.CancellationToken);
        var used = after - before;
        context.Log($"{replyTokens}-token replies: statements of this section (pg_stat_statements):\n"
            + await StatementStatistics.DescribeAsync(context.Stack.ConnectionString, context.CancellationToken));
        context.Log($"{replyTokens}-token replies: WAL of this section by record type (pg_waldump):\n"
            + await WalBreakdown.DescribeAsync(context.Stack.PostgresDataDirectory, before.WalPosition, after.WalPosition));

        double messages = chats.Count * sizes.DatabaseTurns;
        var commits = used.Commits / messages;
        var wal = used.WalBytes / messages;
        var ownSize = sizes.MessageCharacters + replyBytes;
        context.Log($"database, {replyTokens}-token replies: {commits:0.00} commits and {wal:0} WAL bytes per user message ({ownSize} bytes of text)");
        context.Table.Add(new ResultRow("7 Database", $"commits per user message (pg_stat_database, the {replyTokens}-token reply's write included)",
            ResultTable.Number(commits), "", null, "≤ 2", commits <= 2));
        context.Table.Add(new ResultRow("7 Database",
            $"WAL bytes per user message and its {replyTokens}-token reply",
            $"{wal:N0} B", $"message {sizes.MessageCharacters} B + reply {replyBytes} B", wal / ownSize, "≤ 3 × the message size", wal <= 3 * ownSize));
    }
}
