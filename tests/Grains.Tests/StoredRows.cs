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

    public static Task<long> UsageOfAsync(string connectionString, UserId user, CancellationToken ct) =>
        CountAsync(connectionString, "select count(*) from reply_usage where user_id = @value", user.Value, ct);

    /// <summary>Usage rows of these replies that name no user and no chat (a deleted account's).</summary>
    public static Task<long> AnonymousUsageAsync(string connectionString, Guid[] replies, CancellationToken ct) =>
        CountAsync(
            connectionString,
            $"select count(*) from reply_usage where message_id = any(@value) and user_id = '{Guid.Empty}' and conversation_id = '{Guid.Empty}'",
            replies,
            ct);

    private static async Task<long> CountAsync(string connectionString, string sql, object value, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
