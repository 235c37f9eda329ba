using System.Text;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.Extensions.Logging;

namespace ChatbotOrleans.Grains.Conversations;

public sealed partial class ConversationGrain
{
    internal const string ReplyGuardReminder = "reply-guard";

    private readonly CancellationTokenSource _deactivating = new();
    private Task _replies = Task.CompletedTask;
    private bool _replyGuardRegistered;
    private MessageId? _replyTo;
    private StringBuilder? _replyText;
    private CancellationTokenSource? _replyStop;

    /// <summary>
    /// Starts the reply loop unless it runs already. It is not awaited: it runs on this activation's
    /// scheduler, so its steps interleave with calls (reads and sends still answer while the model
    /// streams) and never race them on another thread.
    /// </summary>
    private void StartReplies()
    {
        if (_replies.IsCompleted)
        {
            _replies = RunRepliesAsync(_deactivating.Token);
        }
    }

    private ReplyInProgress? CurrentReply() =>
        _replyTo is { } replyTo && _replyText is { } text ? new ReplyInProgress(replyTo, text.ToString(), model.Name) : null;

    private async Task RunRepliesAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && _conversation.NextPending() is { } userMessage)
        {
            var reply = await GenerateAsync(userMessage, cancellationToken);
            if (reply is null)
            {
                return;
            }

            try
            {
                await AppendAsync(reply);
            }
            catch (Exception exception)
            {
                // Still owed in storage (the user message has no reply row): the reply sweep, or the next
                // activation, redoes it.
                LogReplyNotStored(logger, exception, Id);
                return;
            }

            metrics.MessageStored(reply);
            await PublishAsync(reply.Status == ReplyStatus.Failed ? new ReplyFailed(Id, reply) : new ReplyCompleted(Id, reply));
        }
    }

    /// <summary>Streams one reply and records it in state; null when the activation is going away.</summary>
    private async Task<ChatMessage?> GenerateAsync(ChatMessage userMessage, CancellationToken cancellationToken)
    {
        var context = _conversation.ContextFor(userMessage.Id);
        var started = time.GetTimestamp();
        _replyTo = userMessage.Id;
        _replyText = new StringBuilder();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _replyStop = stop;
        string? error = null;
        var stopped = false;
        try
        {
            await foreach (var fragment in model.StreamReplyAsync(context, stop.Token))
            {
                if (fragment.Length == 0)
                {
                    continue;
                }

                if (_replyText.Length == 0)
                {
                    metrics.FirstFragment(time.GetElapsedTime(started));
                }

                metrics.ReplyFragment();
                var offset = _replyText.Length;
                _replyText.Append(fragment);
                await PublishAsync(new ReplyDelta(Id, userMessage.Id, offset, fragment, model.Name));
            }

            if (_replyText.Length == 0)
            {
                error = "The model sent an empty reply. Try again.";
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _replyStop = null;
            return null;
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // The user stopped it: the upstream request is cancelled, and what arrived is kept.
            stopped = true;
        }
        catch (ChatModelException exception)
        {
            LogReplyFailed(logger, exception, Id);
            error = exception.Message;
        }
        catch (Exception exception)
        {
            LogReplyFailed(logger, exception, Id);
            error = "The bot could not answer because of an internal error. Try again.";
        }

        var text = _replyText.ToString();
        _replyTo = null;
        _replyText = null;
        _replyStop = null;
        var status = stopped ? ReplyStatus.Stopped : error is null ? ReplyStatus.Complete : ReplyStatus.Failed;
        error = stopped ? null : error;
        metrics.ReplyEnded(status, time.GetElapsedTime(started));
        return _conversation.AddReply(userMessage.Id, text, model.Name, status, error, time.GetUtcNow());
    }

    /// <summary>
    /// Makes sure a reminder will wake this conversation while a reply asked for again (retry,
    /// regenerate) is owed, so it survives the silo dying mid-stream. Replies to sends need none: their
    /// user message's row marks them owed, and the reply sweep finds it. The reminder is removed by the
    /// first tick that finds nothing owed.
    /// </summary>
    private async Task EnsureReplyGuardAsync()
    {
        if (_replyGuardRegistered)
        {
            return;
        }

        var period = options.Value.ReplyGuardPeriod;
        await this.RegisterOrUpdateReminder(ReplyGuardReminder, period, period);
        _replyGuardRegistered = true;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        ReplyGuardReminder => GuardRepliesAsync(),
        HousekeepingReminder => HousekeepAsync(),
        _ => Task.CompletedTask,
    };

    private async Task GuardRepliesAsync()
    {
        if (_conversation.NextPending() is not null)
        {
            StartReplies();
            return;
        }

        if (_replies.IsCompleted)
        {
            await this.UnregisterReminderIfAnyAsync(ReplyGuardReminder);
            _replyGuardRegistered = false;
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.ConversationDeactivated();
        await _deactivating.CancelAsync();
        try
        {
            await _replies.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the reply stays owed in storage, and the sweep or the reminder resumes it.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reply in conversation {ConversationId} failed")]
    private static partial void LogReplyFailed(ILogger logger, Exception exception, ConversationId conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reply in conversation {ConversationId} could not be stored; it stays pending")]
    private static partial void LogReplyNotStored(ILogger logger, Exception exception, ConversationId conversationId);
}
