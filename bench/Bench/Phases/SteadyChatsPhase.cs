using Npgsql;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>
/// Before anything is timed: conversations grown to their steady size (a full window of recent
/// messages), which also warms the silo up, and a real grain-state payload for the ceiling.
/// </summary>
public static class SteadyChatsPhase
{
    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var count = new[] { sizes.Concurrencies.Max(), sizes.FullTurnConcurrency, sizes.DatabaseConversations }.Max();
        context.SetModel(sizes.ShortReplyTokens, TimeSpan.Zero, TimeSpan.Zero);
        context.SteadyChats = await context.Chats.CreateAsync(count, subscribe: true);
        await context.Chats.SeedAsync(context.SteadyChats, sizes.SeedTurns, sizes.MessageCharacters);
        context.StatePayload = await SamplePayloadAsync(context);
        context.Log($"{count} conversations at {2 * sizes.SeedTurns} messages; a conversation state write is ~{context.StatePayload.Length:N0} bytes");
    }

    /// <summary>The stored conversation state whose size is the median of all stored conversations.</summary>
    public static async Task<byte[]> SamplePayloadAsync(BenchContext context)
    {
        await using var connection = new NpgsqlConnection(context.Stack.ConnectionString);
        await connection.OpenAsync(context.CancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT payloadbinary FROM orleansstorage
            WHERE graintypestring = 'conversation' AND payloadbinary IS NOT NULL
            ORDER BY octet_length(payloadbinary)
            OFFSET (SELECT count(*) / 2 FROM orleansstorage WHERE graintypestring = 'conversation' AND payloadbinary IS NOT NULL)
            LIMIT 1
            """,
            connection);
        return await command.ExecuteScalarAsync(context.CancellationToken) as byte[]
            ?? throw new InvalidOperationException("No conversation state is stored under the grain type string 'conversation'.");
    }
}
