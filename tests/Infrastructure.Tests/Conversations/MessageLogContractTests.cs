using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Silo.Conversations;
using ChatbotOrleans.Silo.Migrations;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Conversations;

/// <summary>The PostgreSQL message log against a migrated database.</summary>
public sealed class MessageLogContractTests(PostgresServerFixture postgres)
{
    private static readonly DateTimeOffset At = new(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private string _connectionString = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_read_back_exactly_newest_last_in_pages_before_a_sequence()
    {
        await using var log = await NewLogAsync();
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
        await using var log = await NewLogAsync();
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
        await using var log = await NewLogAsync();
        var id = new ConversationId(Guid.NewGuid());
        var first = User(1, "first", At);
        await log.AppendAsync(id, first, Ct);

        var conflict = await Should.ThrowAsync<InvalidOperationException>(() => log.AppendAsync(id, User(1, "from a second activation", At), Ct));

        conflict.Message.ShouldContain("already has a message numbered 1");
        (await log.ReadAsync(id, long.MaxValue, 10, Ct)).ShouldBe([first]);
    }

    [Fact]
    public async Task Messages_appended_at_the_same_time_are_all_stored_and_share_commits()
    {
        await using var log = await NewLogAsync();
        var appends = Enumerable.Range(0, 100).Select(i => (Id: new ConversationId(Guid.NewGuid()), Message: User(1, $"message {i}", At))).ToList();
        var taken = new ConversationId(Guid.NewGuid());
        await log.AppendAsync(taken, User(1, "first", At), Ct);

        var clash = log.AppendAsync(taken, User(1, "a clash in the same batch", At), Ct);
        await Task.WhenAll(appends.Select(a => log.AppendAsync(a.Id, a.Message, Ct)));

        await Should.ThrowAsync<InvalidOperationException>(() => clash);
        foreach (var (id, message) in appends)
        {
            (await log.ReadAsync(id, long.MaxValue, 10, Ct)).ShouldBe([message]);
        }

        // Rows written by one transaction share its id (xmin): 100 messages took far fewer commits.
        var transactions = await ScalarAsync("SELECT count(DISTINCT xmin::text) FROM conversation_messages WHERE text LIKE 'message %'");
        transactions.ShouldBeLessThan(50);
    }

    [Fact]
    public async Task A_taken_number_in_a_batch_fails_only_its_message_and_the_others_are_stored_together()
    {
        await using var log = await NewLogAsync();
        var taken = new ConversationId(Guid.NewGuid());
        await log.AppendAsync(taken, User(1, "first", At), Ct);

        // The writer's next insert waits on this lock, so everything appended meanwhile goes in one batch.
        await using var held = await HoldWriterAsync(log);
        var clash = log.AppendAsync(taken, User(1, "from a stale activation", At), Ct);
        var others = Enumerable.Range(0, 10).Select(i => (Id: new ConversationId(Guid.NewGuid()), Message: User(1, $"batched {i}", At))).ToList();
        var stored = others.Select(o => log.AppendAsync(o.Id, o.Message, Ct)).ToList();
        await held.ReleaseAsync();

        await held.Waiting;
        (await Should.ThrowAsync<InvalidOperationException>(() => clash)).Message.ShouldContain("already has a message numbered 1");
        await Task.WhenAll(stored);
        foreach (var (id, message) in others)
        {
            (await log.ReadAsync(id, long.MaxValue, 10, Ct)).ShouldBe([message]);
        }

        (await log.ReadAsync(taken, long.MaxValue, 10, Ct)).Single().Text.ShouldBe("first");
        (await ScalarAsync("SELECT count(DISTINCT xmin::text) FROM conversation_messages WHERE text LIKE 'batched %'")).ShouldBe(1);
    }

    [Fact]
    public async Task Messages_written_in_one_batch_read_back_exactly()
    {
        await using var log = await NewLogAsync();
        var id = new ConversationId(Guid.NewGuid());
        var question = User(1, "Hello 👋\nsecond line, a tab\there and a backslash \\", At);
        var failed = new ChatMessage(
            MessageId.New(), 2, ChatRole.Assistant, "partial", At.AddTicks(10), question.Id, ReplyStatus.Failed, "gpt-x", "The model failed.", new TokenUsage(70_000, 12, Estimated: false));
        var empty = User(3, "", At.AddSeconds(1));
        var other = new ConversationId(Guid.NewGuid());
        var elsewhere = User(1, "elsewhere", At.AddDays(-1));

        // Queued behind a locked insert, the four are written together (a COPY, not the single-row INSERT).
        await using var held = await HoldWriterAsync(log);
        var stored = new[] { log.AppendAsync(id, question, Ct), log.AppendAsync(id, failed, Ct), log.AppendAsync(id, empty, Ct), log.AppendAsync(other, elsewhere, Ct) };
        await held.ReleaseAsync();
        await Task.WhenAll(stored);

        (await log.ReadAsync(id, long.MaxValue, 10, Ct)).ShouldBe([question, failed, empty]);
        (await log.ReadAsync(other, long.MaxValue, 10, Ct)).ShouldBe([elsewhere]);
        (await ScalarAsync($"SELECT count(DISTINCT xmin::text) FROM conversation_messages WHERE conversation_id IN ('{id.Value}', '{other.Value}')")).ShouldBe(1);
    }

    [Fact]
    public async Task Two_appends_of_one_number_queued_together_store_the_first_and_refuse_the_second()
    {
        await using var log = await NewLogAsync();
        var id = new ConversationId(Guid.NewGuid());

        // Both wait in the writer's queue behind a locked insert, so they are read in the same pass.
        await using var held = await HoldWriterAsync(log);
        var first = log.AppendAsync(id, User(1, "first", At), Ct);
        var second = log.AppendAsync(id, User(1, "second, from a stale activation", At), Ct);
        await held.ReleaseAsync();

        await held.Waiting.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await first.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        (await Should.ThrowAsync<InvalidOperationException>(() => second.WaitAsync(TimeSpan.FromSeconds(10), Ct))).Message.ShouldContain("already has a message numbered 1");
        (await log.ReadAsync(id, long.MaxValue, 10, Ct)).Single().Text.ShouldBe("first");
    }

    [Fact]
    public async Task The_sweep_finds_conversations_with_an_unanswered_user_message_in_its_time_range_only()
    {
        await using var log = await NewLogAsync();
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
        await using var log = await NewLogAsync();
        await log.AppendAsync(new ConversationId(Guid.NewGuid()), User(1, "asked", At), Ct);
        await using var connection = new NpgsqlConnection(_connectionString);
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
        await using var log = await NewLogAsync();
        var gone = new ConversationId(Guid.NewGuid());
        var kept = new ConversationId(Guid.NewGuid());
        await log.AppendAsync(gone, User(1, "bye", At), Ct);
        await log.AppendAsync(kept, User(1, "stay", At), Ct);

        await log.DeleteAsync(gone, Ct);

        (await log.ReadAsync(gone, long.MaxValue, 10, Ct)).ShouldBeEmpty();
        (await log.ReadAsync(kept, long.MaxValue, 10, Ct)).Count.ShouldBe(1);
    }

    private async Task<PostgresMessageLog> NewLogAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync(Ct);
        await DatabaseMigrator.MigrateAsync(_connectionString, NullLogger.Instance, Ct);
        return new PostgresMessageLog(_connectionString);
    }

    /// <summary>
    /// Locks the table and appends one message, whose insert then waits on the lock: whatever is appended until
    /// <see cref="HeldWriter.ReleaseAsync"/> queues behind it and is read by the writer in one pass.
    /// </summary>
    private async Task<HeldWriter> HoldWriterAsync(PostgresMessageLog log)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);
        var transaction = await connection.BeginTransactionAsync(Ct);
        await new NpgsqlCommand("LOCK TABLE conversation_messages IN EXCLUSIVE MODE", connection, transaction).ExecuteNonQueryAsync(Ct);
        var waiting = log.AppendAsync(new ConversationId(Guid.NewGuid()), User(1, "written while locked", At), Ct);
        while (await ScalarAsync("SELECT count(*) FROM pg_locks WHERE relation = 'conversation_messages'::regclass AND NOT granted") == 0)
        {
            await Task.Delay(20, Ct);
        }

        return new HeldWriter(connection, transaction, waiting);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static ChatMessage User(long sequence, string text, DateTimeOffset at) => new(MessageId.New(), sequence, ChatRole.User, text, at);

    private static ChatMessage Reply(long sequence, ChatMessage question, ReplyStatus status, DateTimeOffset at) =>
        new(MessageId.New(), sequence, ChatRole.Assistant, "answer", at, question.Id, status, "offline");

    private sealed class HeldWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, Task waiting) : IAsyncDisposable
    {
        /// <summary>The append that waits on the lock.</summary>
        public Task Waiting => waiting;

        public Task ReleaseAsync() => transaction.CommitAsync(Ct);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
