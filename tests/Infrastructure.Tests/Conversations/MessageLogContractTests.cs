using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Silo.Conversations;
using ChatbotOrleans.TestSupport;
using Npgsql;
using Shouldly;
using static ChatbotOrleans.Infrastructure.Tests.Conversations.MessageLogDatabase;

namespace ChatbotOrleans.Infrastructure.Tests.Conversations;

/// <summary>The PostgreSQL message log against a migrated database.</summary>
public sealed class MessageLogContractTests(PostgresServerFixture postgres)
{
    private readonly MessageLogDatabase _database = new(postgres);

    [Fact]
    public async Task Messages_read_back_exactly_newest_last_in_pages_before_a_sequence()
    {
        await using var log = await _database.NewLogAsync();
        var id = new ConversationId(Guid.NewGuid());
        var question = User(1, "Hello 👋\nsecond line", At);
        var answer = new ChatMessage(
            MessageId.New(), 2, ChatRole.Assistant, "partial", At.AddTicks(10), question.Id, ReplyStatus.Failed, "gpt-x", "The model failed.", new TokenUsage(1_234, 5, Estimated: true));
        var next = User(3, "", At.AddSeconds(1));
        foreach (var message in new[] { question, answer, next })
        {
            await log.AppendAsync(id, message, Ct);
        }

        (await log.ReadAsync(id, long.MaxValue, 10, Ct)).ShouldBe([question, answer, next]);
        (await log.ReadAsync(id, 3, 1, Ct)).ShouldBe([answer]);
        (await log.ReadAsync(id, 1, 10, Ct)).ShouldBeEmpty();
        (await log.ReadAsync(new ConversationId(Guid.NewGuid()), long.MaxValue, 10, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Forks_keep_their_parent_and_a_range_reads_its_newest_or_oldest_rows()
    {
        await using var log = await _database.NewLogAsync();
        var id = new ConversationId(Guid.NewGuid());
        var messages = Enumerable.Range(1, 5).Select(i => User(i, $"m{i}", At.AddSeconds(i))).ToList();
        messages[4] = messages[4] with { Parent = 2 };
        foreach (var message in messages)
        {
            await log.AppendAsync(id, message, Ct);
        }

        (await log.ReadForksAsync(id, Ct)).ShouldBe([(5L, 2L)]);
        (await log.ReadRangeAsync(id, 2, 4, 2, newest: true, Ct)).ShouldBe([messages[2], messages[3]]);
        (await log.ReadRangeAsync(id, 2, 4, 2, newest: false, Ct)).ShouldBe([messages[1], messages[2]]);
        (await log.ReadAsync(id, long.MaxValue, 1, Ct)).Single().Parent.ShouldBe(5 - 3, "the parent reads back as written");
    }

    [Fact]
    public async Task A_second_message_with_the_same_sequence_is_refused_and_the_first_is_kept()
    {
        await using var log = await _database.NewLogAsync();
        var id = new ConversationId(Guid.NewGuid());
        var first = User(1, "first", At);
        await log.AppendAsync(id, first, Ct);

        var conflict = await Should.ThrowAsync<InvalidOperationException>(() => log.AppendAsync(id, User(1, "from a second activation", At), Ct));

        conflict.Message.ShouldContain("already has a message numbered 1");
        (await log.ReadAsync(id, long.MaxValue, 10, Ct)).ShouldBe([first]);
    }

    [Fact]
    public async Task The_sweep_finds_conversations_with_an_unanswered_user_message_in_its_time_range_only()
    {
        await using var log = await _database.NewLogAsync();
        var now = DateTimeOffset.UtcNow;
        var answered = new ConversationId(Guid.NewGuid());
        var owing = new ConversationId(Guid.NewGuid());
        var owingBehindAnAnswer = new ConversationId(Guid.NewGuid());
        var tooRecent = new ConversationId(Guid.NewGuid());
        var tooOld = new ConversationId(Guid.NewGuid());
        var failed = new ConversationId(Guid.NewGuid());

        var question = User(1, "q", now.AddMinutes(-5));
        await log.AppendAsync(answered, question, Ct);
        await log.AppendAsync(answered, Reply(2, question, ReplyStatus.Complete, now.AddMinutes(-5)), Ct);
        await log.AppendAsync(owing, User(1, "q", now.AddMinutes(-5)), Ct);
        var a = User(1, "a", now.AddMinutes(-5));
        await log.AppendAsync(owingBehindAnAnswer, a, Ct);
        await log.AppendAsync(owingBehindAnAnswer, User(2, "b", now.AddMinutes(-5)), Ct);
        await log.AppendAsync(owingBehindAnAnswer, Reply(3, a, ReplyStatus.Complete, now.AddMinutes(-4)), Ct);
        await log.AppendAsync(tooRecent, User(1, "q", now), Ct);
        await log.AppendAsync(tooOld, User(1, "q", now.AddHours(-3)), Ct);
        var failedQuestion = User(1, "q", now.AddMinutes(-5));
        await log.AppendAsync(failed, failedQuestion, Ct);
        await log.AppendAsync(failed, Reply(2, failedQuestion, ReplyStatus.Failed, now.AddMinutes(-5)), Ct);

        var found = await log.FindUnansweredAsync(now.AddHours(-1), now.AddSeconds(-30), 100, Ct);

        found.ShouldBe([owing, owingBehindAnAnswer], ignoreOrder: true);
    }

    [Fact]
    public async Task The_sweep_query_finds_its_rows_through_the_minute_index()
    {
        await using var log = await _database.NewLogAsync();
        await log.AppendAsync(new ConversationId(Guid.NewGuid()), User(1, "asked", At), Ct);
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Ct);
        await new NpgsqlCommand("SET enable_seqscan = off", connection).ExecuteNonQueryAsync(Ct);

        // If the query's expression and the index's ever differ, the planner can only scan the table.
        await using var explain = new NpgsqlCommand("EXPLAIN " + PostgresMessageLog.UnansweredSql, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<short> { TypedValue = (short)ChatRole.User },
                new NpgsqlParameter<DateTimeOffset> { TypedValue = At.AddMinutes(-5) },
                new NpgsqlParameter<DateTimeOffset> { TypedValue = At.AddMinutes(5) },
                new NpgsqlParameter<int> { TypedValue = 10 },
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

        string.Join("\n", plan).ShouldContain("ix_conversation_messages_created_minute");
    }

    [Fact]
    public async Task Deleting_a_conversation_removes_its_messages_and_no_other()
    {
        await using var log = await _database.NewLogAsync();
        var gone = new ConversationId(Guid.NewGuid());
        var kept = new ConversationId(Guid.NewGuid());
        await log.AppendAsync(gone, User(1, "bye", At), Ct);
        await log.AppendAsync(kept, User(1, "stay", At), Ct);

        await log.DeleteAsync(gone, Ct);

        (await log.ReadAsync(gone, long.MaxValue, 10, Ct)).ShouldBeEmpty();
        (await log.ReadAsync(kept, long.MaxValue, 10, Ct)).Count.ShouldBe(1);
    }
}
