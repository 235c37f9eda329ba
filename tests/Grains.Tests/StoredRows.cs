using ChatbotOrleans.Grains.Abstractions;
using Npgsql;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>What the test cluster's database holds for one conversation, counted directly.</summary>
internal static class StoredRows
{
    public static Task<long> MessagesOfAsync(string connectionString, ConversationId id, CancellationToken ct) =>
        CountAsync(connectionString, "select count(*) from conversation_messages where conversation_id = @value", id.Value, ct);

    /// <summary>Reminder rows of one conversation; its key appears in the stored grain id in "N" form.</summary>
    public static Task<long> RemindersOfAsync(string connectionString, ConversationId id, CancellationToken ct) =>
        CountAsync(connectionString, "select count(*) from orleansreminderstable where grainid like @value", $"%{id.Value:N}%", ct);

    private static async Task<long> CountAsync(string connectionString, string sql, object value, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
