using Npgsql;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Before anything is timed: conversations grown to their steady size (a full window of recent
/// messages), which also warms the silo up, and a payload for the ceiling the size of the write a
/// message costs: one row of the message log.
/// </summary>
public static class SteadyChatsPhase
{
    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var count = new[] { sizes.Concurrencies.Max(), sizes.FullTurnConcurrency, sizes.DatabaseConversations }.Max();
        context.SetModel(sizes.ShortReplyTokens, TimeSpan.Zero, TimeSpan.Zero);
        // One user per conversation, as many people chatting at once: each stays far below the per-user message
        // limit however fast section 2 drives it (several conversations of one user would share that limit).
        context.SteadyChats = await context.Chats.CreateAsync(count, perUser: 1, subscribe: true);
        await context.Chats.SeedAsync(context.SteadyChats, sizes.SeedTurns, sizes.MessageCharacters);
        context.StatePayload = await SamplePayloadAsync(context);
        context.Log($"{count} conversations at {2 * sizes.SeedTurns} messages; a user message's row is ~{context.StatePayload.Length:N0} bytes");
    }

    /// <summary>
    /// A payload as large as the median user message's row in the log (its stored size, header included),
    /// made of that message's own text, so it compresses the same.
    /// </summary>
    public static async Task<byte[]> SamplePayloadAsync(BenchContext context)
    {
        await using var connection = new NpgsqlConnection(context.Stack.ConnectionString);
        await connection.OpenAsync(context.CancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT pg_column_size(m.*), convert_to(m.text, 'UTF8') FROM conversation_messages m
            WHERE m.role = 0
            ORDER BY pg_column_size(m.*)
            OFFSET (SELECT count(*) / 2 FROM conversation_messages WHERE role = 0)
            LIMIT 1
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(context.CancellationToken);
        if (!await reader.ReadAsync(context.CancellationToken))
        {
            throw new InvalidOperationException("No user message is stored in conversation_messages.");
        }

        var size = reader.GetInt32(0);
        var text = reader.GetFieldValue<byte[]>(1);
        return [.. Enumerable.Range(0, size).Select(i => text.Length == 0 ? (byte)'x' : text[i % text.Length])];
    }
}
