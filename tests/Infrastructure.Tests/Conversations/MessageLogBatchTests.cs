using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using Shouldly;
using static ChatbotOrleans.Infrastructure.Tests.Conversations.MessageLogDatabase;

namespace ChatbotOrleans.Infrastructure.Tests.Conversations;

/// <summary>The message log's writer batching appends made meanwhile into one transaction, and a clash failing only its own message.</summary>
public sealed class MessageLogBatchTests(PostgresServerFixture postgres)
{
    private readonly MessageLogDatabase _database = new(postgres);

    [Fact]
    public async Task Messages_appended_at_the_same_time_are_all_stored_and_share_commits()
    {
        await using var log = await _database.NewLogAsync();
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
        var transactions = await _database.ScalarAsync("SELECT count(DISTINCT xmin::text) FROM conversation_messages WHERE text LIKE 'message %'");
        transactions.ShouldBeLessThan(50);
    }

    [Fact]
    public async Task A_taken_number_in_a_batch_fails_only_its_message_and_the_others_are_stored_together()
    {
        await using var log = await _database.NewLogAsync();
        var taken = new ConversationId(Guid.NewGuid());
        await log.AppendAsync(taken, User(1, "first", At), Ct);

        // The writer's next insert waits on this lock, so everything appended meanwhile goes in one batch.
        await using var held = await _database.HoldWriterAsync(log);
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
        (await _database.ScalarAsync("SELECT count(DISTINCT xmin::text) FROM conversation_messages WHERE text LIKE 'batched %'")).ShouldBe(1);
    }

    [Fact]
    public async Task Messages_written_in_one_batch_read_back_exactly()
    {
        await using var log = await _database.NewLogAsync();
        var id = new ConversationId(Guid.NewGuid());
        var question = User(1, "Hello 👋\nsecond line, a tab\there and a backslash \\", At);
        var failed = new ChatMessage(
            MessageId.New(), 2, ChatRole.Assistant, "partial", At.AddTicks(10), question.Id, ReplyStatus.Failed, "gpt-x", "The model failed.", new TokenUsage(70_000, 12, Estimated: false));
        var empty = User(3, "", At.AddSeconds(1));
        var other = new ConversationId(Guid.NewGuid());
        var elsewhere = User(1, "elsewhere", At.AddDays(-1));

        // Queued behind a locked insert, the four are written together (a COPY, not the single-row INSERT).
        await using var held = await _database.HoldWriterAsync(log);
        var stored = new[] { log.AppendAsync(id, question, Ct), log.AppendAsync(id, failed, Ct), log.AppendAsync(id, empty, Ct), log.AppendAsync(other, elsewhere, Ct) };
        await held.ReleaseAsync();
        await Task.WhenAll(stored);

        (await log.ReadAsync(id, long.MaxValue, 10, Ct)).ShouldBe([question, failed, empty]);
        (await log.ReadAsync(other, long.MaxValue, 10, Ct)).ShouldBe([elsewhere]);
        (await _database.ScalarAsync($"SELECT count(DISTINCT xmin::text) FROM conversation_messages WHERE conversation_id IN ('{id.Value}', '{other.Value}')")).ShouldBe(1);
    }

    [Fact]
    public async Task Two_appends_of_one_number_queued_together_store_the_first_and_refuse_the_second()
    {
        await using var log = await _database.NewLogAsync();
        var id = new ConversationId(Guid.NewGuid());

        // Both wait in the writer's queue behind a locked insert, so they are read in the same pass.
        await using var held = await _database.HoldWriterAsync(log);
        var first = log.AppendAsync(id, User(1, "first", At), Ct);
        var second = log.AppendAsync(id, User(1, "second, from a stale activation", At), Ct);
        await held.ReleaseAsync();

        await held.Waiting.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await first.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        (await Should.ThrowAsync<InvalidOperationException>(() => second.WaitAsync(TimeSpan.FromSeconds(10), Ct))).Message.ShouldContain("already has a message numbered 1");
        (await log.ReadAsync(id, long.MaxValue, 10, Ct)).Single().Text.ShouldBe("first");
    }
}
