using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;
using Npgsql;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 5, silo: the silo process's working set before and after activating many conversations of
/// a given length (made through the app's own calls: sign-in, start, send, reply), per conversation.
/// Run last: the conversations stay active, and their reminders tick for a while after.
/// </summary>
public static class SiloMemoryPhase
{
    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        context.SetModel(sizes.ShortReplyTokens, TimeSpan.Zero, TimeSpan.Zero);
        var silo = context.Stack.Silo.Id;
        var settle = context.Sizes.Settle;
        var management = context.Stack.Client.Cluster.GetGrain<IManagementGrain>(0);
        var activationsBefore = await ConversationActivationsAsync(management);
        var before = await ProcessMemory.SettledWorkingSetAsync(silo, settle);

        var chats = await context.Chats.CreateAsync(sizes.MemoryConversations, parallelism: 64);
        await context.Chats.SeedAsync(chats, sizes.MemoryMessages / 2, sizes.MessageCharacters, parallelism: 64);
        var after = await ProcessMemory.SettledWorkingSetAsync(silo, settle);
        var active = await ConversationActivationsAsync(management) - activationsBefore;
        var stored = await StoredConversationBytesAsync(context);

        var perConversation = (double)(after - before) / sizes.MemoryConversations;
        var perGiB = (1024.0 * 1024 * 1024) / perConversation;
        context.Log($"silo memory: {before / 1048576.0:0} MiB → {after / 1048576.0:0} MiB for {sizes.MemoryConversations} conversations ({active} new activations): {perConversation / 1024:0.0} KiB each");
        context.Table.Add(new ResultRow("5 Memory",
            $"silo working set per active conversation ({sizes.MemoryConversations:N0} × {sizes.MemoryMessages} messages; {before / 1048576.0:0} → {after / 1048576.0:0} MiB; {active:N0} conversation activations)",
            ResultTable.Kib(perConversation), $"stored state {ResultTable.Kib(stored)}", perConversation / stored));
        context.Table.Add(new ResultRow("5 Memory", "active conversations per GiB of silo memory",
            ResultTable.Number(perGiB, "N0"), "", null, "≥ 50,000", perGiB >= 50_000));
    }

    private static async Task<int> ConversationActivationsAsync(IManagementGrain management)
    {
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("ConversationGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    private static async Task<double> StoredConversationBytesAsync(BenchContext context)
    {
        await using var connection = new NpgsqlConnection(context.Stack.ConnectionString);
        await connection.OpenAsync(context.CancellationToken);
        // A conversation's stored size: its metadata state plus its rows in the message log.
        await using var command = new NpgsqlCommand(
            """
            SELECT ((SELECT coalesce(sum(octet_length(payloadbinary)), 0) FROM orleansstorage WHERE graintypestring = 'conversation')
                  + (SELECT coalesce(sum(pg_column_size(m.*)), 0) FROM conversation_messages m))::float8
                 / greatest((SELECT count(*) FROM orleansstorage WHERE graintypestring = 'conversation'), 1)
            """, connection);
        return (double)(await command.ExecuteScalarAsync(context.CancellationToken))!;
    }
}
