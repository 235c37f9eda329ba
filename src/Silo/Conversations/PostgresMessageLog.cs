using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Npgsql;
using NpgsqlTypes;

namespace ChatbotOrleans.Silo.Conversations;

/// <summary>The message log in PostgreSQL's <c>conversation_messages</c> table (migration 0006).</summary>
internal sealed class PostgresMessageLog(string connectionString) : IMessageLog, IAsyncDisposable
{
    private readonly NpgsqlDataSource _database = new NpgsqlDataSourceBuilder(connectionString) { Name = "message-log" }.Build();

    private const string Columns = "sequence, message_id, role, created_at, reply_to, status, model, error, text";

    private const string Insert = $"""
        INSERT INTO conversation_messages (conversation_id, {Columns})
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        """;

    public async Task AppendAsync(ConversationId conversation, ChatMessage message, CancellationToken cancellationToken = default)
    {
        await using var command = _database.CreateCommand(Insert);
        Bind(command, conversation, message);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ImportAsync(ConversationId conversation, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var message in messages)
        {
            var command = new NpgsqlBatchCommand(Insert + " ON CONFLICT (conversation_id, sequence) DO NOTHING");
            Bind(command, conversation, message);
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ChatMessage>> ReadAsync(ConversationId conversation, long beforeSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var command = _database.CreateCommand($"""
            SELECT {Columns} FROM conversation_messages
            WHERE conversation_id = $1 AND sequence < $2
            ORDER BY sequence DESC
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = conversation.Value });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = beforeSequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        var messages = new List<ChatMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new ChatMessage(
                new MessageId(reader.GetGuid(1)),
                reader.GetInt64(0),
                (ChatRole)reader.GetInt16(2),
                reader.GetString(8),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : new MessageId(reader.GetGuid(4)),
                (ReplyStatus)reader.GetInt16(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        messages.Reverse();
        return messages;
    }

    public async Task DeleteAsync(ConversationId conversation, CancellationToken cancellationToken = default)
    {
        await using var command = _database.CreateCommand("DELETE FROM conversation_messages WHERE conversation_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = conversation.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationId>> FindUnansweredAsync(DateTimeOffset since, DateTimeOffset until, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var command = _database.CreateCommand("""
            SELECT DISTINCT asked.conversation_id FROM conversation_messages asked
            WHERE asked.role = $1 AND asked.created_at >= $2 AND asked.created_at < $3
              AND NOT EXISTS (
                SELECT 1 FROM conversation_messages answer
                WHERE answer.conversation_id = asked.conversation_id
                  AND answer.sequence > asked.sequence
                  AND answer.reply_to = asked.message_id)
            LIMIT $4
            """);
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)ChatRole.User });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = since.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = until.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        var found = new List<ConversationId>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new ConversationId(reader.GetGuid(0)));
        }

        return found;
    }

    private static void Bind(NpgsqlCommand command, ConversationId conversation, ChatMessage message) =>
        Bind(command.Parameters, conversation, message);

    private static void Bind(NpgsqlBatchCommand command, ConversationId conversation, ChatMessage message) =>
        Bind(command.Parameters, conversation, message);

    private static void Bind(NpgsqlParameterCollection parameters, ConversationId conversation, ChatMessage message)
    {
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = conversation.Value });
        parameters.Add(new NpgsqlParameter<long> { TypedValue = message.Sequence });
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = message.Id.Value });
        parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)message.Role });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = message.CreatedAt.ToUniversalTime() });
        parameters.Add(message.ReplyTo is { } replyTo
            ? new NpgsqlParameter<Guid> { TypedValue = replyTo.Value }
            : new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = DBNull.Value });
        parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)message.Status });
        parameters.Add(Text(message.Model));
        parameters.Add(Text(message.Error));
        parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Text });
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };
}
