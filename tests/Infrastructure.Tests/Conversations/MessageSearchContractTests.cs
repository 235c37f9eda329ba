using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Search;
using ChatbotOrleans.Silo.Conversations;
using ChatbotOrleans.Silo.Migrations;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Conversations;

/// <summary>The PostgreSQL full-text search (migration 0009) and keyset paging of the log against a migrated database.</summary>
public sealed class MessageSearchContractTests(PostgresServerFixture postgres)
{
    private static readonly DateTimeOffset At = new(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private string _connectionString = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_search_finds_the_words_in_the_named_conversations_only_best_first_with_the_words_marked()
    {
        await using var log = await NewLogAsync();
        var mine = new ConversationId(Guid.NewGuid());
        var alsoMine = new ConversationId(Guid.NewGuid());
        var theirs = new ConversationId(Guid.NewGuid());
        await log.AppendAsync(mine, Message(1, "The quick brown fox jumps over the lazy dog"), Ct);
        await log.AppendAsync(mine, Message(2, "Nothing to see here"), Ct);
        await log.AppendAsync(alsoMine, Message(1, "fox fox fox, and a brown fox"), Ct);
        await log.AppendAsync(theirs, Message(1, "brown fox in another user's chat"), Ct);

        var found = await new PostgresMessageSearch(_connectionString).SearchAsync([mine, alsoMine], "brown fox", 10, Ct);

        found.Select(m => (m.Conversation, m.Sequence)).ShouldBe([(alsoMine, 1L), (mine, 1L)], "ranked by how often the words occur");
        Headline.Parse(found[1].Headline).Where(p => p.Marked).Select(p => p.Text).ShouldBe(["brown", "fox"]);
        found[1].Role.ShouldBe(ChatRole.User);
        found[1].CreatedAt.ShouldBe(At.AddSeconds(1));
    }

    [Fact]
    public async Task Hostile_query_syntax_is_read_as_words_and_never_fails()
    {
        await using var log = await NewLogAsync();
        var id = new ConversationId(Guid.NewGuid());
        await log.AppendAsync(id, Message(1, "alpha beta gamma"), Ct);
        var search = new PostgresMessageSearch(_connectionString);

        foreach (var query in new[] { "\"alpha", "alpha & | ! beta", "!!!", "alpha:* <-> (beta", "'; DROP TABLE conversation_messages; --", "-alpha", new string('x', 10_000) })
        {
            await search.SearchAsync([id], query, 10, Ct);
        }

        (await search.SearchAsync([id], "\"alpha beta\"", 10, Ct)).Count.ShouldBe(1, "a quoted phrase");
        (await search.SearchAsync([id], "\"beta alpha\"", 10, Ct)).ShouldBeEmpty("the phrase in the wrong order");
        (await search.SearchAsync([id], "alpha -gamma", 10, Ct)).ShouldBeEmpty("a word excluded");
        (await search.SearchAsync([id], "delta or gamma", 10, Ct)).Count.ShouldBe(1, "either word");
        (await ScalarAsync("SELECT count(*) FROM conversation_messages")).ShouldBe(1);
    }

    [Fact]
    public async Task Words_of_any_language_are_found_as_written_lowercased_without_stemming()
    {
        await using var log = await NewLogAsync();
        var id = new ConversationId(Guid.NewGuid());
        await log.AppendAsync(id, Message(1, "Grüße aus Łódź, über den Fluss"), Ct);
        await log.AppendAsync(id, Message(2, "The runners were running"), Ct);
        var search = new PostgresMessageSearch(_connectionString);

        (await search.SearchAsync([id], "łódź GRÜSSE über", 10, Ct)).ShouldBeEmpty("grüße is not grüsse");
        (await search.SearchAsync([id], "Łódź über", 10, Ct)).Single().Sequence.ShouldBe(1);

        // Lowercasing beyond ASCII follows the database's locale (C in these tests); ASCII always folds.
        (await search.SearchAsync([id], "FLUSS", 10, Ct)).Single().Sequence.ShouldBe(1);
        (await search.SearchAsync([id], "the", 10, Ct)).Single().Sequence.ShouldBe(2, "no stop words are dropped");
        (await search.SearchAsync([id], "run", 10, Ct)).ShouldBeEmpty("no stemming");
    }

    [Fact]
    public async Task The_search_reads_only_the_named_conversations_rows_through_the_combined_index()
    {
        await using var log = await NewLogAsync();
        var mine = new ConversationId(Guid.NewGuid());
        await log.AppendAsync(mine, Message(1, "shared words here"), Ct);
        for (var i = 0; i < 200; i++)
        {
            await log.AppendAsync(new ConversationId(Guid.NewGuid()), Message(1, $"shared words in chat {i}"), Ct);
        }

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);
        await new NpgsqlCommand("ANALYZE conversation_messages", connection).ExecuteNonQueryAsync(Ct);

        // So few rows would be read whole by a sequential scan; the plan of a full table is what is asked about.
        await new NpgsqlCommand("SET enable_seqscan = off", connection).ExecuteNonQueryAsync(Ct);
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF) " + PostgresMessageSearch.SearchSql, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid[]> { TypedValue = [mine.Value] },
                new NpgsqlParameter<string> { TypedValue = "shared words" },
                new NpgsqlParameter<int> { TypedValue = 20 },
            },
        };
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(0));
            }
        }

        // The rows read for the search are the named conversation's one row: found through an index on the
        // conversation id (the primary key or the combined GIN index), none read and dropped by a filter.
        var text = string.Join("\n", plan);
        text.ShouldNotContain("Seq Scan", customMessage: text);
        text.ShouldNotContain("Rows Removed", customMessage: text);
        plan.First(l => l.Contains("on conversation_messages hit", StringComparison.Ordinal)).ShouldContain("rows=1 ", customMessage: text);
    }

    [Fact]
    public async Task Pages_after_a_sequence_read_forward_oldest_first_and_stop_at_the_end()
    {
        await using var log = await NewLogAsync();
        var id = new ConversationId(Guid.NewGuid());
        foreach (var sequence in Enumerable.Range(1, 10))
        {
            await log.AppendAsync(id, Message(sequence, $"message {sequence}"), Ct);
        }

        (await log.ReadAfterAsync(id, 3, 4, Ct)).Select(m => m.Sequence).ShouldBe([4L, 5L, 6L, 7L]);
        (await log.ReadAfterAsync(id, 8, 4, Ct)).Select(m => m.Sequence).ShouldBe([9L, 10L]);
        (await log.ReadAfterAsync(id, 10, 4, Ct)).ShouldBeEmpty();
        (await log.ReadAsync(id, 4, 2, Ct)).Select(m => m.Sequence).ShouldBe([2L, 3L]);
    }

    [Fact]
    public async Task Migrating_a_log_with_messages_indexes_them_for_search_and_applying_again_is_a_no_op()
    {
        _connectionString = await postgres.CreateDatabaseAsync(Ct);
        await DatabaseMigrator.MigrateAsync(_connectionString, NullLogger.Instance, Ct);
        await using (var log = new PostgresMessageLog(_connectionString))
        {
            await log.AppendAsync(new ConversationId(Guid.NewGuid()), Message(1, "stored before"), Ct);
        }

        // The column is generated: dropping and re-adding it (as 0009 does on a database that had messages) computes it for old rows.
        await ExecuteAsync("ALTER TABLE conversation_messages DROP COLUMN search_vector; DELETE FROM schema_migrations WHERE version = '0009'");
        (await DatabaseMigrator.MigrateAsync(_connectionString, NullLogger.Instance, Ct)).ShouldBe(["0009"]);
        (await DatabaseMigrator.MigrateAsync(_connectionString, NullLogger.Instance, Ct)).ShouldBeEmpty();

        (await ScalarAsync("SELECT count(*) FROM conversation_messages WHERE search_vector @@ websearch_to_tsquery('simple', 'stored before')")).ShouldBe(1);
    }

    private static ChatMessage Message(long sequence, string text) =>
        new(MessageId.New(), sequence, ChatRole.User, text, At.AddSeconds(sequence));

    private async Task<PostgresMessageLog> NewLogAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync(Ct);
        await DatabaseMigrator.MigrateAsync(_connectionString, NullLogger.Instance, Ct);
        return new PostgresMessageLog(_connectionString);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync(Ct);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);
        return Convert.ToInt64(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
