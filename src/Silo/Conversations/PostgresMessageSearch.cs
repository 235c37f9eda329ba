using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Search;
using Npgsql;

namespace ChatbotOrleans.Silo.Conversations;

/// <summary>
/// Full-text search over <c>conversation_messages</c> (migration 0009): the generated <c>search_vector</c> and
/// the GIN index on (conversation_id, search_vector). The caller's conversations are a parameter of the query,
/// so no row of another conversation can come back, whatever the page asked.
/// </summary>
internal sealed class PostgresMessageSearch(string connectionString) : IMessageSearch
{
    /// <summary>
    /// $1 the conversations, $2 the query, $3 at most. The inner query ranks only the matching rows of those
    /// conversations; the headline, the costly part, is made for the best few. The query is written out where it
    /// is used rather than in a CTE: the planner then sees its words and chooses between the primary key (a
    /// user's few rows) and the combined GIN index (a user with many) with both conditions in the index scan.
    /// </summary>
    internal const string SearchSql =
        $"""
        SELECT m.conversation_id, m.sequence, m.role, m.created_at,
               ts_headline('simple', m.text, websearch_to_tsquery('simple', $2), '{HeadlineOptions}')
        FROM (
          SELECT hit.conversation_id, hit.sequence, ts_rank(hit.search_vector, websearch_to_tsquery('simple', $2)) AS rank
          FROM conversation_messages hit
          WHERE hit.conversation_id = ANY($1) AND hit.search_vector @@ websearch_to_tsquery('simple', $2)
          ORDER BY rank DESC, hit.created_at DESC
          LIMIT $3
        ) best
        JOIN conversation_messages m ON m.conversation_id = best.conversation_id AND m.sequence = best.sequence
        ORDER BY best.rank DESC, m.created_at DESC
        """;

    private const string HeadlineOptions =
        $"StartSel={Headline.StartMark}, StopSel={Headline.StopMark}, MaxWords=24, MinWords=8, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    public async Task<IReadOnlyList<MessageMatch>> SearchAsync(
        IReadOnlyCollection<ConversationId> conversations, string query, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(SearchSql, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. conversations.Select(c => c.Value)] });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = query });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        var found = new List<MessageMatch>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new MessageMatch(
                new ConversationId(reader.GetGuid(0)),
                reader.GetInt64(1),
                (ChatRole)reader.GetInt16(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetString(4)));
        }

        return found;
    }
}
