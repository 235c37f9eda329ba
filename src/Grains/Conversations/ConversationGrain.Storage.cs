using ChatbotOrleans.Grains.Abstractions;
using Microsoft.Extensions.Logging;

namespace ChatbotOrleans.Grains.Conversations;

public sealed partial class ConversationGrain
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private bool _writeFailed;

    /// <summary>
    /// The newest messages, from the log. A conversation stored before the log existed keeps its messages
    /// in its state and archive pages: they are copied into the log first (idempotently, so a crash midway
    /// only repeats the copy), then the state forgets them and the pages are cleared.
    /// </summary>
    private async Task<IReadOnlyList<ChatMessage>> LoadMessagesAsync(CancellationToken cancellationToken)
    {
        var stored = state.State;
        if (stored.OwnerId == Guid.Empty)
        {
            return [];
        }

        if (stored.Recent.Count > 0 || stored.ArchivedPages > 0)
        {
            await MoveIntoLogAsync(stored, cancellationToken);
        }

        return await log.ReadAsync(Id, long.MaxValue, options.Value.WindowSize, cancellationToken);
    }

    private async Task MoveIntoLogAsync(ConversationState stored, CancellationToken cancellationToken)
    {
        var pages = stored.ArchivedPages;
        var messages = new List<ChatMessage>();
        for (var page = 0; page < pages; page++)
        {
            messages.AddRange(await PageGrain(page).ReadAsync());
        }

        messages.AddRange(stored.Recent);
        await log.ImportAsync(Id, messages, cancellationToken);

        // Replies owed then are owed now: a send by its message's own row, a retry by a request.
        foreach (var owed in stored.PendingReplies)
        {
            var answeredUpTo = messages.Where(m => m.ReplyTo == owed || m.Id == owed).Select(m => m.Sequence).DefaultIfEmpty(0).Max();
            stored.ReplyRequests.Add(new ReplyRequest(owed, answeredUpTo));
        }

        stored.Sequence = Math.Max(stored.Sequence, messages.Count > 0 ? messages.Max(m => m.Sequence) : 0);
        stored.Recent = [];
        stored.PendingReplies = [];
        stored.ArchivedPages = 0;
        await state.WriteStateAsync(cancellationToken);
        for (var page = pages - 1; page >= 0; page--)
        {
            await PageGrain(page).ClearAsync();
        }

        LogMovedIntoLog(logger, Id, messages.Count);
    }

    private IConversationPageGrain PageGrain(int page) =>
        GrainFactory.GetGrain<IConversationPageGrain>(Id.Value, ConversationPageGrain.KeyFor(page));

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} moved its {Count} stored messages into the message log")]
    private static partial void LogMovedIntoLog(ILogger logger, ConversationId conversationId, int count);
}
