using System.Threading.Channels;
using ChatbotOrleans.Grains.Abstractions;
using Npgsql;

namespace ChatbotOrleans.Silo.Conversations;

/// <summary>
/// Writes the messages appended by every conversation of this silo, one statement (one transaction, one
/// commit) per batch: whatever queued up while the previous batch was being written goes in the next. A batch
/// of one row is an INSERT (one round trip); a larger one is a COPY, which PostgreSQL logs in less WAL
/// (<see cref="MessageRows.CopyAsync"/>).
/// An idle silo writes each message at once, alone; a busy one writes many per commit, so commits per
/// message fall below one per row and a burst costs one round trip instead of many.
/// </summary>
internal sealed class MessageAppender : IAsyncDisposable
{
    /// <summary>
    /// Rows a statement at most: an INSERT's fourteen parameters a row stay well below PostgreSQL's 65,535, and a
    /// burst is written in several short transactions rather than one long one.
    /// </summary>
    internal const int MaxBatch = 256;

    private readonly string _connectionString;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public MessageAppender(string connectionString)
    {
        _connectionString = connectionString;
        _writer = Task.Run(WriteAllAsync);
    }

    /// <summary>Completes when the message is stored; fails if its conversation already has that sequence.</summary>
    public Task AppendAsync(ConversationId conversation, ChatMessage message)
    {
        var pending = new PendingAppend(conversation, message);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(MessageAppender), "The message log is shutting down.");
        }

        return pending.Stored.Task;
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<PendingAppend>(MaxBatch);
        var keys = new HashSet<(Guid, long)>();
        var held = new Queue<PendingAppend>();
        while (held.Count > 0 || await _queue.Reader.WaitToReadAsync())
        {
            // A second message with a key already in this batch waits for the next one: in the same
            // statement it would fail the whole batch, and the conflict check could not tell the two apart.
            // Each pass takes what was held before it at most once, so one put back is not taken again.
            var heldBefore = held.Count;
            while (batch.Count < MaxBatch && ((heldBefore-- > 0 && held.TryDequeue(out var next)) || _queue.Reader.TryRead(out next)))
            {
                if (keys.Add((next.Conversation.Value, next.Message.Sequence)))
                {
                    batch.Add(next);
                }
                else
                {
                    held.Enqueue(next);
                }
            }

            await WriteAsync(batch);
            batch.Clear();
            keys.Clear();
        }
    }

    private async Task WriteAsync(List<PendingAppend> batch)
    {
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            var remaining = batch;
            while (remaining.Count > 0)
            {
                try
                {
                    List<(ConversationId, ChatMessage)> rows = [.. remaining.Select(p => (p.Conversation, p.Message))];
                    if (rows.Count == 1)
                    {
                        await using var insert = MessageRows.Insert(connection, rows);
                        await insert.ExecuteNonQueryAsync();
                    }
                    else
                    {
                        await MessageRows.CopyAsync(connection, rows);
                    }

                    remaining.ForEach(p => p.Stored.TrySetResult());
                    return;
                }
                catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
                {
                    // Rare: a stale activation wrote a number already taken. The batch was rolled back; the
                    // messages whose number is taken fail, the others go again in one statement.
                    remaining = await RefuseTakenAsync(connection, remaining, exception);
                }
            }
        }
        catch (Exception exception)
        {
            foreach (var pending in batch)
            {
                pending.Stored.TrySetException(exception);
            }
        }
    }

    /// <summary>Fails the appends whose number is already stored and returns the others.</summary>
    private static async Task<List<PendingAppend>> RefuseTakenAsync(NpgsqlConnection connection, List<PendingAppend> batch, PostgresException violation)
    {
        var taken = new HashSet<(Guid, long)>();
        await using (var select = MessageRows.SelectTaken(connection, [.. batch.Select(p => (p.Conversation.Value, p.Message.Sequence))]))
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                taken.Add((reader.GetGuid(0), reader.GetInt64(1)));
            }
        }

        if (taken.Count == 0)
        {
            // The violation was not on a message's number: nothing to retry.
            throw violation;
        }

        var others = new List<PendingAppend>(batch.Count);
        foreach (var pending in batch)
        {
            if (taken.Contains((pending.Conversation.Value, pending.Message.Sequence)))
            {
                // The grain reports it to its caller as an OrleansException and reloads.
                pending.Stored.TrySetException(new InvalidOperationException(
                    $"Conversation {pending.Conversation.Value} already has a message numbered {pending.Message.Sequence}; this activation was behind and reloads."));
            }
            else
            {
                others.Add(pending);
            }
        }

        return others;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private sealed record PendingAppend(ConversationId Conversation, ChatMessage Message)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
