using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Silo.Conversations;
using ChatbotOrleans.Silo.Migrations;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatbotOrleans.Infrastructure.Tests.Conversations;

/// <summary>A migrated database of its own for one message log test, and ways to look at its rows and hold its writer.</summary>
internal sealed class MessageLogDatabase(PostgresServerFixture postgres)
{
    public static readonly DateTimeOffset At = new(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);

    /// <summary>The database's, once <see cref="NewLogAsync"/> made it.</summary>
    public string ConnectionString { get; private set; } = "";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<PostgresMessageLog> NewLogAsync()
    {
        ConnectionString = await postgres.CreateDatabaseAsync(Ct);
        await DatabaseMigrator.MigrateAsync(ConnectionString, NullLogger.Instance, Ct);
        return new PostgresMessageLog(ConnectionString);
    }

    /// <summary>
    /// Locks the table and appends one message, whose insert then waits on the lock: whatever is appended until
    /// <see cref="HeldWriter.ReleaseAsync"/> queues behind it and is read by the writer in one pass.
    /// </summary>
    public async Task<HeldWriter> HoldWriterAsync(PostgresMessageLog log)
    {
        var connection = new NpgsqlConnection(ConnectionString);
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

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    public static ChatMessage User(long sequence, string text, DateTimeOffset at) => new(MessageId.New(), sequence, ChatRole.User, text, at);

    public static ChatMessage Reply(long sequence, ChatMessage question, ReplyStatus status, DateTimeOffset at) =>
        new(MessageId.New(), sequence, ChatRole.Assistant, "answer", at, question.Id, status, "offline");

    public sealed class HeldWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, Task waiting) : IAsyncDisposable
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
