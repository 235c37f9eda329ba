using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Usage;
using Npgsql;
using NpgsqlTypes;

namespace ChatbotOrleans.Silo.Usage;

/// <summary>The usage of replies in PostgreSQL's <c>reply_usage</c> table (migration 0011).</summary>
internal sealed class PostgresUsageLog(string connectionString) : IUsageLog
{
    public async Task RecordAsync(UsageRecord record, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO reply_usage (message_id, conversation_id, user_id, created_at, input_tokens, output_tokens, estimated, model)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (message_id) DO NOTHING
            """, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid> { TypedValue = record.Reply.Value },
                new NpgsqlParameter<Guid> { TypedValue = record.Conversation.Value },
                new NpgsqlParameter<Guid> { TypedValue = record.User.Value },
                new NpgsqlParameter<DateTimeOffset> { TypedValue = record.At.ToUniversalTime() },
                new NpgsqlParameter<int> { TypedValue = record.Usage.InputTokens },
                new NpgsqlParameter<int> { TypedValue = record.Usage.OutputTokens },
                new NpgsqlParameter<bool> { TypedValue = record.Usage.Estimated },
                new NpgsqlParameter<string> { TypedValue = record.Model },
            },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<long> TotalAsync(DateOnly day, UserId? user, CancellationToken cancellationToken = default)
    {
        var (since, until) = UsageDay.Range(day);
        return SumAsync(
            "created_at >= $1 AND created_at < $2 AND ($3::uuid IS NULL OR user_id = $3)",
            [
                new NpgsqlParameter<DateTimeOffset> { TypedValue = since },
                new NpgsqlParameter<DateTimeOffset> { TypedValue = until },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = user is { } u ? u.Value : DBNull.Value },
            ],
            cancellationToken);
    }

    public Task<long> ConversationTotalAsync(UserId user, ConversationId conversation, CancellationToken cancellationToken = default) =>
        SumAsync(
            "conversation_id = $1 AND user_id = $2",
            [new NpgsqlParameter<Guid> { TypedValue = conversation.Value }, new NpgsqlParameter<Guid> { TypedValue = user.Value }],
            cancellationToken);

    public async Task<IReadOnlyList<UsageRecord>> ListAsync(UserId user, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT conversation_id, message_id, model, input_tokens, output_tokens, estimated, created_at
            FROM reply_usage WHERE user_id = $1 ORDER BY created_at, message_id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = user.Value });
        var records = new List<UsageRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var usage = new TokenUsage(reader.GetInt32(3), reader.GetInt32(4), reader.GetBoolean(5));
            records.Add(new UsageRecord(
                user, new ConversationId(reader.GetGuid(0)), new MessageId(reader.GetGuid(1)), reader.GetString(2), usage, reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return records;
    }

    public async Task ForgetUserAsync(UserId user, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"UPDATE reply_usage SET user_id = '{Guid.Empty}', conversation_id = '{Guid.Empty}' WHERE user_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = user.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<long> SumAsync(string where, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT coalesce(sum(input_tokens + output_tokens), 0)::bigint FROM reply_usage WHERE {where}", connection);
        command.Parameters.AddRange(parameters);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
