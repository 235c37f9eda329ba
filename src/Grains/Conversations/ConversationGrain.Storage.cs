using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

public sealed partial class ConversationGrain
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private bool _writeFailed;

    /// <summary>The newest messages, from the log.</summary>
    private async Task<IReadOnlyList<ChatMessage>> LoadMessagesAsync(CancellationToken cancellationToken) =>
        state.State.OwnerId == Guid.Empty ? [] : await log.ReadAsync(Id, long.MaxValue, options.Value.WindowSize, cancellationToken);

    /// <summary>Appends a message to the log; the way every message becomes durable.</summary>
    private Task AppendAsync(ChatMessage message) => WriteAsync(() => log.AppendAsync(Id, message));

    /// <summary>Writes the metadata state.</summary>
    private Task PersistAsync() => WriteAsync(() =>
    {
        _conversation.PrepareStateWrite();
        return state.WriteStateAsync();
    });

    /// <summary>
    /// Writes one thing at a time: the reply loop and calls interleave on this activation, and their
    /// writes must reach storage in the order the messages were numbered. After a failed write the
    /// memory may be ahead of storage, so nothing more is written: this activation is dropped and the
    /// next one reloads what was stored.
    /// </summary>
    private async Task WriteAsync(Func<Task> write)
    {
        await _writeGate.WaitAsync();
        try
        {
            if (_writeFailed)
            {
                throw new OrleansException("An earlier write of this conversation failed; it reloads on its next call.");
            }

            await write();
        }
        catch (Exception exception)
        {
            _writeFailed = true;
            DeactivateOnIdle();

            // Callers (the web tier) treat an OrleansException as "the service did not answer, try again": true
            // of a database failure, of a number taken by a newer activation, and of a call that reaches this
            // activation after a failed write but before it is gone. Other types would reach a page as a bug.
            throw exception as OrleansException ?? new OrleansException("The conversation could not be stored; try again.", exception);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
