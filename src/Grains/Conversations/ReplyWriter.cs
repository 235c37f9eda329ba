using System.Text;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Diagnostics;
using ChatbotOrleans.Grains.Usage;
using Microsoft.Extensions.Logging;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// Writes the replies a conversation owes, one at a time: streams each from the model, publishes its
/// fragments, stores it and publishes the end. Runs on the grain's scheduler without being awaited, so
/// its steps interleave with the grain's calls and never race them on another thread. With <paramref name="tokens"/>,
/// each reply first reserves what it may spend of the daily token budgets.
/// </summary>
public sealed partial class ReplyWriter(
    IReplyHost host, IChatModels models, TimeProvider time, ChatMetrics metrics, ILogger logger, ReplyTokens? tokens = null) : IDisposable
{
    private readonly CancellationTokenSource _closed = new();
    private readonly ReplyGuard _guard = new(host);
    private Task _loop = Task.CompletedTask;
    private bool _finishing;
    private MessageId? _replyTo;
    private StringBuilder? _text;
    private CancellationTokenSource? _stop;
    private IChatModel _model = models.Default;

    /// <summary>The reply being streamed now, as far as it has come.</summary>
    public ReplyInProgress? Current =>
        _replyTo is { } replyTo && _text is { } text ? new ReplyInProgress(replyTo, text.ToString(), _model.Name) : null;

    /// <summary>Starts writing what <paramref name="conversation"/> owes, unless a loop runs already.</summary>
    public void Start(Conversation conversation)
    {
        if (_loop.IsCompleted)
        {
            _loop = RunAsync(conversation, _closed.Token);
        }
    }

    /// <summary>Starts writing what <paramref name="conversation"/> owes, unless a loop runs already (for a call that answers with a task).</summary>
    public Task StartAsync(Conversation conversation)
    {
        Start(conversation);
        return Task.CompletedTask;
    }

    /// <summary>Stops the reply in progress: the model request is cancelled and what arrived is kept as stopped.</summary>
    /// <returns>Done, also when nothing was being written.</returns>
    public ChangeResult Stop()
    {
        _stop?.Cancel();
        return ChangeResult.Done;
    }

    /// <summary>Ends writing for good (the conversation is deleted or deactivating); what is owed stays owed in storage.</summary>
    public Task CloseAsync() => _closed.CancelAsync();

    /// <summary>
    /// Ends writing as the activation ends. A silo leaving the cluster lets the reply being written finish, so that the next
    /// activation does not ask the model for it again; any other end (idle, a failed write) stops it at once.
    /// </summary>
    public Task CloseAsync(DeactivationReasonCode reason, CancellationToken cancellationToken) =>
        reason == DeactivationReasonCode.ShuttingDown ? FinishAndCloseAsync(cancellationToken) : CloseAndWaitAsync(cancellationToken);

    /// <summary>Ends writing for good and waits for the loop to notice.</summary>
    public async Task CloseAndWaitAsync(CancellationToken cancellationToken)
    {
        await _closed.CancelAsync();
        await WaitForLoopAsync(cancellationToken);
    }

    /// <summary>
    /// For a silo leaving the cluster: lets the reply being written finish and be stored, starts no other, then ends
    /// writing for good. When <paramref name="cancellationToken"/> fires first, the reply is cut off and stays owed.
    /// </summary>
    public async Task FinishAndCloseAsync(CancellationToken cancellationToken)
    {
        _finishing = true;
        if (Current is not null)
        {
            LogFinishingBeforeShutdown(logger, host.Id);
        }

        await WaitForLoopAsync(cancellationToken);
        await _closed.CancelAsync();
    }

    /// <summary>Makes sure a reminder wakes the conversation while a reply asked for again is owed (see <see cref="ReplyGuard"/>).</summary>
    public Task GuardAsync() => _guard.RegisterAsync();

    /// <summary>The guard reminder's tick: resume what is owed, or drop the reminder once nothing is.</summary>
    public async Task OnGuardTickAsync(Conversation conversation)
    {
        if (conversation.NextPending() is not null)
        {
            Start(conversation);
        }
        else if (_loop.IsCompleted)
        {
            await _guard.UnregisterAsync();
        }
    }

    public void Dispose() => _closed.Dispose();

    private async Task WaitForLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of time (the silo is shutting down): the reply stays owed in storage, and the sweep or the reminder resumes it.
        }
    }

    private async Task RunAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && !_finishing && conversation.NextPending() is { } userMessage)
        {
            // Released only after the usage is recorded (which spends it), so the budget never shows the tokens as free.
            var reservation = Guid.NewGuid();
            try
            {
                if (!await ReplyAsync(conversation, userMessage, reservation, cancellationToken))
                {
                    return;
                }
            }
            finally
            {
                await (tokens?.ReleaseAsync(new UserId(conversation.State.OwnerId), reservation) ?? Task.CompletedTask);
            }
        }
    }

    /// <summary>Writes, stores and publishes one reply; false when the loop must end (closed, or the reply not stored).</summary>
    private async Task<bool> ReplyAsync(Conversation conversation, ChatMessage userMessage, Guid reservation, CancellationToken cancellationToken)
    {
        if (await WriteAsync(conversation, userMessage, reservation, cancellationToken) is not { } reply)
        {
            return false;
        }

        try
        {
            await host.StoreAsync(reply);
        }
        catch (Exception exception)
        {
            // Still owed in storage (the user message has no reply row): the sweep or the next activation redoes it.
            LogReplyNotStored(logger, exception, host.Id);
            return false;
        }

        metrics.MessageStored(reply);

        // Published in the turn that stored it: awaiting the usage first let a message sent meanwhile
        // publish before this reply, out of sequence order. The usage call is sent first all the same.
        var recording = ReplyUsage.RecordAsync(host, new UserId(conversation.State.OwnerId), reply, _model.Name, logger);
        await host.PublishAsync(reply.Status == ReplyStatus.Failed ? new ReplyFailed(host.Id, reply) : new ReplyCompleted(host.Id, reply));
        await recording;
        return true;
    }

    /// <summary>Streams one reply and records it in the conversation; null when writing was closed meanwhile.</summary>
    private async Task<ChatMessage?> WriteAsync(Conversation conversation, ChatMessage userMessage, Guid reservation, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();

        // Chosen per reply, so a model picked while one reply streams writes the next.
        var model = _model = ConversationSetupRules.ModelFor(conversation.State.ModelId, models);
        var text = new StringBuilder();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        (_replyTo, _text, _stop) = (userMessage.Id, text, stop);
        var (status, error) = (ReplyStatus.Complete, (string?)null);
        var context = conversation.ContextFor(userMessage.Id, model.ContextCharacterBudget);
        var receipt = new UsageReceipt();
        try
        {
            // A refusal fails the reply with the budget's sentence, before any request reaches the model.
            receipt.MaxOutputTokens = tokens is null ? null : await tokens.ReserveForAsync(new UserId(conversation.State.OwnerId), reservation, model, context);
            await foreach (var fragment in model.StreamReplyAsync(context, receipt, stop.Token))
            {
                if (fragment.Length == 0)
                {
                    continue;
                }

                if (text.Length == 0)
                {
                    metrics.FirstFragment(time.GetElapsedTime(started));
                }

                metrics.ReplyFragment();
                var offset = text.Length;
                text.Append(fragment);
                await host.PublishAsync(new ReplyDelta(host.Id, userMessage.Id, offset, fragment, model.Name));
            }

            if (text.Length == 0)
            {
                (status, error) = (ReplyStatus.Failed, "The model sent an empty reply. Try again.");
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Writing was closed (the activation is going away): the reply stays owed. Whatever the model threw on
            // the way out (a cancelled read can surface as an I/O error), it is no stop by the user.
            (_replyTo, _text, _stop) = (null, null, null);
            return null;
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            status = ReplyStatus.Stopped;
        }
        catch (Exception exception)
        {
            LogReplyFailed(logger, exception, host.Id);
            (status, error) = (ReplyStatus.Failed, exception is ChatModelException
                ? exception.Message
                : "The bot could not answer because of an internal error. Try again.");
        }

        (_replyTo, _text, _stop) = (null, null, null);
        metrics.ReplyEnded(status, time.GetElapsedTime(started));
        var usage = receipt.For(model, context, text.ToString(), status);
        return conversation.AddReply(userMessage.Id, text.ToString(), model.Name, status, error, time.GetUtcNow(), usage);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} finishes the reply it is writing before its silo leaves")]
    private static partial void LogFinishingBeforeShutdown(ILogger logger, ConversationId conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reply in conversation {ConversationId} failed")]
    private static partial void LogReplyFailed(ILogger logger, Exception exception, ConversationId conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reply in conversation {ConversationId} could not be stored; it stays pending")]
    private static partial void LogReplyNotStored(ILogger logger, Exception exception, ConversationId conversationId);
}
