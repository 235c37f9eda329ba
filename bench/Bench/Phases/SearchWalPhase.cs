using ChatbotOrleans.Bench.Chats;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 7, what search costs each message: the WAL per user message and its short reply (as section 7 measures
/// it) with the search column and its GIN index (migration 0009), then with both dropped, in the same
/// conversations; the difference is the search's price. Both are put back afterwards as the migration made them.
/// </summary>
public static class SearchWalPhase
{
    private const string AddSearch =
        """
        ALTER TABLE conversation_messages ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED;
        CREATE INDEX IF NOT EXISTS ix_conversation_messages_search ON conversation_messages USING gin (conversation_id, search_vector)
        """;

    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        context.SetModel(sizes.ShortReplyTokens, TimeSpan.Zero, TimeSpan.Zero);
        var chats = await context.Chats.CreateAsync(sizes.DatabaseConversations, subscribe: true);
        await context.Chats.SeedAsync(chats, 4, sizes.MessageCharacters);
        await DatabasePhase.SetAutovacuumAsync(context, on: false);
        try
        {
            var with = await WalPerMessageAsync(context, chats);
            await context.Stack.ScalarAsync<object>(
                "DROP INDEX ix_conversation_messages_search; ALTER TABLE conversation_messages DROP COLUMN search_vector", context.CancellationToken, allowNull: true);
            var without = await WalPerMessageAsync(context, chats);
            await context.Stack.ScalarAsync<object>(AddSearch, context.CancellationToken, allowNull: true);
            await WalPerMessageAsync(context, chats.Take(1).ToList());
            context.Log($"search WAL: {with:0} B per user message with the search column and index, {without:0} B without");
            context.Table.Add(new ResultRow("7 Database",
                $"WAL bytes per user message and its {sizes.ShortReplyTokens}-token reply added by search (the tsvector column and the GIN index; pending-list inserts, autovacuum paused)",
                $"{with - without:N0} B", $"without search {without:N0} B", with / without, "say what it costs"));
        }
        finally
        {
            await context.Stack.ScalarAsync<object>(AddSearch, context.CancellationToken, allowNull: true);
            await DatabasePhase.SetAutovacuumAsync(context, on: true);
        }
    }

    private static async Task<double> WalPerMessageAsync(BenchContext context, List<ChatProbe> chats)
    {
        var sizes = context.Sizes;
        await context.Stack.ScalarAsync<object>("VACUUM (ANALYZE) conversation_messages", context.CancellationToken, allowNull: true);
        await Task.Delay(sizes.StatisticsSettle, context.CancellationToken);
        var before = await DatabaseCounters.ReadAsync(context.Stack.ConnectionString, context.CancellationToken);
        await DatabasePhase.SendTurnsAsync(chats, sizes);
        var after = await DatabaseCounters.ReadAsync(context.Stack.ConnectionString, context.CancellationToken);
        return (after - before).WalBytes / (double)(chats.Count * sizes.DatabaseTurns);
    }
}
