using System.Text;
using ChatbotOrleans.Grains.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace ChatbotOrleans.Silo.Conversations;

/// <summary>How a <see cref="ChatMessage"/> maps to a row of <c>conversation_messages</c>.</summary>
internal static class MessageRows
{
    public const string Columns = "sequence, message_id, created_at, reply_to, role, status, model, error, text, input_tokens, output_tokens, usage_estimated, parent_sequence";

    private const int ParametersPerRow = 14;

    /// <summary>
    /// One INSERT of all <paramref name="rows"/>. A key already taken fails it with a unique violation: no ON
    /// CONFLICT, whose speculative insertion writes more WAL for a conflict only a stale activation can cause.
    /// </summary>
    public static NpgsqlCommand Insert(NpgsqlConnection connection, IReadOnlyList<(ConversationId Conversation, ChatMessage Message)> rows)
    {
        var sql = new StringBuilder($"INSERT INTO conversation_messages (conversation_id, {Columns}) VALUES ");
        var command = new NpgsqlCommand { Connection = connection };
        for (var row = 0; row < rows.Count; row++)
        {
            var first = (row * ParametersPerRow) + 1;
            sql.Append(row == 0 ? "(" : ", (");
            sql.AppendJoin(", ", Enumerable.Range(first, ParametersPerRow).Select(n => FormattableString.Invariant($"${n}")));
            sql.Append(')');
            Bind(command.Parameters, rows[row].Conversation, rows[row].Message);
        }

        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>Which of <paramref name="keys"/> (conversation, sequence) are already stored.</summary>
    public static NpgsqlCommand SelectTaken(NpgsqlConnection connection, IReadOnlyCollection<(Guid Conversation, long Sequence)> keys) => new(
        """
        SELECT m.conversation_id, m.sequence
        FROM conversation_messages m
        JOIN unnest($1::uuid[], $2::bigint[]) AS k(conversation_id, sequence)
          ON m.conversation_id = k.conversation_id AND m.sequence = k.sequence
        """, connection)
    {
        Parameters =
        {
            new NpgsqlParameter<Guid[]> { TypedValue = [.. keys.Select(k => k.Conversation)] },
            new NpgsqlParameter<long[]> { TypedValue = [.. keys.Select(k => k.Sequence)] },
        },
    };

    /// <summary>Reads a row selected as <see cref="Columns"/>.</summary>
    public static ChatMessage Read(NpgsqlDataReader reader) => new(
        new MessageId(reader.GetGuid(1)),
        reader.GetInt64(0),
        (ChatRole)reader.GetInt16(4),
        reader.GetString(8),
        reader.GetFieldValue<DateTimeOffset>(2),
        reader.IsDBNull(3) ? null : new MessageId(reader.GetGuid(3)),
        (ReplyStatus)reader.GetInt16(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(9) ? null : new TokenUsage(reader.GetInt32(9), reader.GetInt32(10), reader.GetBoolean(11)),
        reader.IsDBNull(12) ? null : reader.GetInt64(12));

    /// <summary>
    /// Writes <paramref name="rows"/> with one binary COPY: PostgreSQL logs a page's rows as one WAL record instead
    /// of one per row. It costs one more round trip, so a single row is still INSERTed (bench/results/settings.md).
    /// A key already taken fails the whole COPY with a unique violation, as it fails an INSERT.
    /// </summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<(ConversationId Conversation, ChatMessage Message)> rows)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY conversation_messages (conversation_id, {Columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var (conversation, message) in rows)
        {
            await writer.StartRowAsync();
            foreach (var (value, type) in Values(conversation, message))
            {
                await (value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, type));
            }
        }

        await writer.CompleteAsync();
    }

    private static void Bind(NpgsqlParameterCollection parameters, ConversationId conversation, ChatMessage message)
    {
        foreach (var (value, type) in Values(conversation, message))
        {
            parameters.Add(new NpgsqlParameter { NpgsqlDbType = type, Value = value ?? DBNull.Value });
        }
    }

    /// <summary>A row's values in column order: <c>conversation_id</c>, then <see cref="Columns"/>.</summary>
    private static (object? Value, NpgsqlDbType Type)[] Values(ConversationId conversation, ChatMessage message) =>
    [
        (conversation.Value, NpgsqlDbType.Uuid),
        (message.Sequence, NpgsqlDbType.Bigint),
        (message.Id.Value, NpgsqlDbType.Uuid),
        (message.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz),
        (message.ReplyTo?.Value, NpgsqlDbType.Uuid),
        ((short)message.Role, NpgsqlDbType.Smallint),
        ((short)message.Status, NpgsqlDbType.Smallint),
        (message.Model, NpgsqlDbType.Text),
        (message.Error, NpgsqlDbType.Text),
        (message.Text, NpgsqlDbType.Text),
        (message.Usage?.InputTokens, NpgsqlDbType.Integer),
        (message.Usage?.OutputTokens, NpgsqlDbType.Integer),
        (message.Usage?.Estimated, NpgsqlDbType.Boolean),
        (message.Parent, NpgsqlDbType.Bigint),
    ];
}
