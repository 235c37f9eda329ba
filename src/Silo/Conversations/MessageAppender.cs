using System.Threading.Channels;
using ChatbotOrleans.Grains.Abstractions;
using Npgsql;

namespace ChatbotOrleans.Silo.Conversations;

/// <summary>
/// Writes the messages appended by every conversation of this silo, one INSERT statement (one transaction,
/// one commit) per batch: whatever queued up while the previous batch was being written goes in the next.
/// An idle silo writes each message at once, alone; a busy one writes many per commit, so commits per
/// message fall below one per row and a burst costs one round trip instead of many.
/// </summary>
internal sealed class MessageAppender : IAsyncDisposable
{
    /// <summary>Ten parameters a row; PostgreSQL takes at most 65,535 parameters a statement.</summary>
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
            // A second message with a key already in this batch waits for the next one, so that the
            // conflict check below can tell the two apart.
            while (batch.Count < MaxBatch && (held.TryDequeue(out var next) || _queue.Reader.TryRead(out next)))
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
            await using var command = MessageRows.Insert(connection, [.. batch.Select(p => (p.Conversation, p.Message))], "RETURNING conversation_id, sequence");
            var stored = new HashSet<(Guid, long)>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    stored.Add((reader.GetGuid(0), reader.GetInt64(1)));
                }
            }

            foreach (var pending in batch)
            {
                if (stored.Contains((pending.Conversation.Value, pending.Message.Sequence)))
                {
                    pending.Stored.TrySetResult();
                }
                else
                {
                    // An Orleans-serializable type: the grain passes it on to its caller.
                    pending.Stored.TrySetException(new InvalidOperationException(
                        $"Conversation {pending.Conversation.Value} already has a message numbered {pending.Message.Sequence}; this activation was behind and reloads."));
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
