using ChatbotOrleans.Grains.Abstractions;
using Microsoft.Extensions.Logging;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// Lets one write of a conversation reach storage at a time: the reply loop and the calls interleave, and
/// their writes must land in the order the messages were numbered. After a failed write the memory may be
/// ahead of storage, so nothing more is written: the owner drops the activation and the next one reloads.
/// </summary>
public sealed partial class WriteGate(ConversationId id, Action onFailed, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public bool HasFailed { get; private set; }

    /// <summary>Makes the write; false when it failed or an earlier one had.</summary>
    public async Task<bool> TryWriteAsync(Func<Task> write)
    {
        await _gate.WaitAsync();
        try
        {
            if (HasFailed)
            {
                return false;
            }

            await write();
            return true;
        }
        catch (Exception exception)
        {
            HasFailed = true;
            LogWriteFailed(logger, exception, id);
            onFailed();
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Makes the write, or throws when it could not be made (for callers that have no outcome to give).</summary>
    public async Task WriteAsync(Func<Task> write)
    {
        if (!await TryWriteAsync(write))
        {
            throw new OrleansException($"Conversation {id} could not be stored; it reloads on its next call.");
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write of conversation {ConversationId} failed; the activation is dropped")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, ConversationId conversationId);
}
