using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Npgsql;

namespace ChatbotOrleans.Silo.Conversations;

/// <summary>
/// The message log in PostgreSQL's <c>conversation_messages</c> table (migrations 0006, 0007, 0009 and 0012). It opens its
/// connections with the same connection string as the Orleans providers, so both draw on one pool and
/// together never hold more than its <c>Max Pool Size</c> connections.
/// </summary>
internal sealed class PostgresMessageLog(string connectionString) : IMessageLog, IAsyncDisposable
{
    /// <summary>User messages of a time range without a reply: $1 the user role, $2 since, $3 until, $4 at most.</summary>
    internal const string UnansweredSql =
        """
        SELECT DISTINCT asked.conversation_id FROM conversation_messages asked
        WHERE asked.role = $1 AND asked.created_at >= $2 AND asked.created_at < $3
          -- The minute index (migration 0007) is found through its own expression.
          AND date_trunc('minute', asked.created_at AT TIME ZONE 'UTC') >= date_trunc('minute', $2 AT TIME ZONE 'UTC')
          AND date_trunc('minute', asked.created_at AT TIME ZONE 'UTC') <= date_trunc('minute', $3 AT TIME ZONE 'UTC')
          AND NOT EXISTS (
            SELECT 1 FROM conversation_messages answer
            WHERE answer.conversation_id = asked.conversation_id
              AND answer.sequence > asked.sequence
              AND answer.reply_to = asked.message_id)
        LIMIT $4
        """;

    private readonly MessageAppender _appender = new(connectionString);

    public Task AppendAsync(ConversationId conversation, ChatMessage message, CancellationToken cancellationToken = default) =>
        _appender.AppendAsync(conversation, message);

    public async Task<IReadOnlyList<ChatMessage>> ReadAsync(ConversationId conversation, long beforeSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        // Keyset paging on the primary key: a page costs the same at message 10 as at message 10,000.
        var messages = await ReadPageAsync(
            $"""
            SELECT {MessageRows.Columns} FROM conversation_messages
            WHERE conversation_id = $1 AND sequence < $2
            ORDER BY sequence DESC
            LIMIT $3
            """,
            conversation, beforeSequence, maxCount, cancellationToken);
        messages.Reverse();
        return messages;
    }

    public async Task<IReadOnlyList<ChatMessage>> ReadAfterAsync(ConversationId conversation, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        await ReadPageAsync(
            $"""
            SELECT {MessageRows.Columns} FROM conversation_messages
            WHERE conversation_id = $1 AND sequence > $2
            ORDER BY sequence
            LIMIT $3
            """,
            conversation, afterSequence, maxCount, cancellationToken);

    // One run of the current path (ConversationPath): the same keyset read, bounded on both sides.
    public async Task<IReadOnlyList<ChatMessage>> ReadRangeAsync(
        ConversationId conversation, long fromSequence, long toSequence, int maxCount, bool newest, CancellationToken cancellationToken = default)
    {
        var messages = await ReadPageAsync(
            $"""
            SELECT {MessageRows.Columns} FROM conversation_messages
            WHERE conversation_id = $1 AND sequence >= $2 AND sequence <= $4
            ORDER BY sequence {(newest ? "DESC" : "")}
            LIMIT $3
            """,
            conversation, fromSequence, maxCount, cancellationToken, toSequence);
        if (newest)
        {
            messages.Reverse();
        }

        return messages;
    }

    public async Task<IReadOnlyList<(long Sequence, long Parent)>> ReadForksAsync(ConversationId conversation, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT sequence, parent_sequence FROM conversation_messages WHERE conversation_id = $1 AND parent_sequence IS NOT NULL ORDER BY sequence",
            connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = conversation.Value });
        var forks = new List<(long, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            forks.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return forks;
    }

    private async Task<List<ChatMessage>> ReadPageAsync(
        string sql, ConversationId conversation, long sequence, int maxCount, CancellationToken cancellationToken, long? bound = null)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = conversation.Value });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        if (bound is { } other)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = other });
        }

        var messages = new List<ChatMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(MessageRows.Read(reader));
        }

        return messages;
    }

    public async Task DeleteAsync(ConversationId conversation, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // The usage of its replies stays for the operator's totals and the owner's daily budget, no longer linked to it.
        await using var command = new NpgsqlCommand(
            """
            WITH unlinked AS (UPDATE reply_usage SET conversation_id = '00000000-0000-0000-0000-000000000000' WHERE conversation_id = $1)
            DELETE FROM conversation_messages WHERE conversation_id = $1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = conversation.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationId>> FindUnansweredAsync(DateTimeOffset since, DateTimeOffset until, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(UnansweredSql, connection);
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

    public ValueTask DisposeAsync() => _appender.DisposeAsync();

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
