using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Bench.Report;
using Npgsql;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Section 5, silo: the silo process's working set before and after activating many conversations of
/// a given length (made through the app's own calls: sign-in, start, send, reply), per conversation.
/// Then where it goes: activations by grain type, and the managed heap and working set after a forced
/// full GC (what is alive, against what the GC keeps as budget); with <c>--heap</c>, the heap by type.
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
        var activationsBefore = await SiloStatistics.ActivationsByTypeAsync(context.Stack.Client.Cluster);
        var (before, _) = await ProcessMemory.SettledAsync(silo, settle);
        var collectedBefore = await CollectAsync(context, silo);

        var chats = await context.Chats.CreateAsync(sizes.MemoryConversations, parallelism: 64);
        await context.Chats.SeedAsync(chats, sizes.MemoryMessages / 2, sizes.MessageCharacters, parallelism: 64);
        var (after, _) = await ProcessMemory.SettledAsync(silo, settle);
        var activationsAfter = await SiloStatistics.ActivationsByTypeAsync(context.Stack.Client.Cluster);
        var collectedAfter = await CollectAsync(context, silo);
        var stored = await StoredConversationBytesAsync(context);

        var count = sizes.MemoryConversations;
        var active = SiloStatistics.Added(activationsBefore, activationsAfter);
        var conversations = active.Where(a => a.Type.Contains("ConversationGrain", StringComparison.Ordinal)).Sum(a => a.Added);
        context.Log($"new activations by grain type: {string.Join(", ", active.Select(a => $"{a.Type} {a.Added:N0}"))}");
        var perConversation = (double)(after - before) / count;
        var heapPerConversation = (double)(collectedAfter.Heap - collectedBefore.Heap) / count;
        var collectedPerConversation = (double)(collectedAfter.WorkingSet - collectedBefore.WorkingSet) / count;

        // Judged by the larger working-set delta: the plain readings' "before" can hold the earlier phases' garbage,
        // which a later collection frees and which would make the delta look smaller than it is.
        var judged = Math.Max(perConversation, collectedPerConversation);
        var perGiB = (1024.0 * 1024 * 1024) / judged;
        context.Log($"silo memory: {Mib(before)} → {Mib(after)} MiB for {count} conversations ({conversations} new conversation activations): {perConversation / 1024:0.0} KiB each");
        context.Log($"after a full GC: working set {Mib(collectedBefore.WorkingSet)} → {Mib(collectedAfter.WorkingSet)} MiB ({collectedPerConversation / 1024:0.0} KiB each), managed heap {Mib(collectedBefore.Heap)} → {Mib(collectedAfter.Heap)} MiB ({heapPerConversation / 1024:0.0} KiB each)");
        if (context.Options.HeapBreakdown)
        {
            context.Log(await HeapHistogram.DescribeAsync(silo, top: 40, divisor: count, Path.GetTempPath(), context.CancellationToken));
        }

        context.Table.Add(new ResultRow("5 Memory",
            $"silo working set per active conversation ({count:N0} × {sizes.MemoryMessages} messages; {Mib(before)} → {Mib(after)} MiB; {conversations:N0} conversation activations)",
            ResultTable.Kib(perConversation), $"stored state {ResultTable.Kib(stored)}", perConversation / stored));
        context.Table.Add(new ResultRow("5 Memory",
            $"of which alive after a full GC: managed heap per conversation ({Mib(collectedBefore.Heap)} → {Mib(collectedAfter.Heap)} MiB); working set then {ResultTable.Kib(collectedPerConversation)}",
            ResultTable.Kib(heapPerConversation), $"stored state {ResultTable.Kib(stored)}", heapPerConversation / stored));
        context.Table.Add(new ResultRow("5 Memory", $"active conversations per GiB of silo memory (by the larger working-set delta, {ResultTable.Kib(judged)})",
            ResultTable.Number(perGiB, "N0"), "", null, "≥ 50,000", perGiB >= 50_000));
    }

    private static async Task<(long WorkingSet, long Heap)> CollectAsync(BenchContext context, int silo)
    {
        var heap = await ManagedHeap.CollectAsync(silo, TimeSpan.FromMinutes(2), byType: false);
        var (workingSet, _) = await ProcessMemory.SettledAsync(silo, context.Sizes.Settle);
        return (workingSet, heap.HeapBytes);
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture);

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
