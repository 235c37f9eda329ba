using ChatbotOrleans.Grains.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace ChatbotOrleans.Grains.Email;

/// <summary>
/// Delivers one email at least once in the common case, exactly once unless the silo dies between the
/// SMTP server's acceptance and the write that records it (then it is sent again). The state is the
/// outbox; the reminder is the durable retry and is removed once the email is sent or failed.
/// Collected two minutes after its last call: a retry's reminder activates it again when one is due.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class EmailOutboxGrain(
    [PersistentState("emailOutbox", StorageNames.Chat)] IPersistentState<EmailOutboxState> state,
    IEmailSender sender,
    TimeProvider time,
    IOptions<EmailOptions> options,
    ChatMetrics metrics,
    ILogger<EmailOutboxGrain> logger)
    : Grain, IEmailOutboxGrain, IRemindable
{
    internal const string RetryReminder = "email-retry";

    private readonly EmailRetryPolicy _policy = new(options.Value);

    private bool _countedAsPending;

    private Guid Id => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        CountPending();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_countedAsPending)
        {
            metrics.EmailPendingChanged(-1);
            _countedAsPending = false;
        }

        return Task.CompletedTask;
    }

    public async Task EnqueueAsync(EmailMessage message)
    {
        if (state.State.Status != EmailStatus.None)
        {
            return;
        }

        var now = time.GetUtcNow();
        state.State.Message = message;
        state.State.Status = EmailStatus.Pending;
        state.State.EnqueuedAt = now;
        state.State.NextAttemptAt = now;
        await state.WriteStateAsync();
        CountPending();

        // Registered before the first try, so an activation lost before it still gets the email out.
        await ScheduleRetryAsync(options.Value.RetryInitialDelay);
        this.RegisterGrainTimer(AttemptAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    public async Task ForgetAsync()
    {
        await StopRetryingAsync();
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        CountPending();
        DeactivateOnIdle();
    }

    [ReadOnly]
    public Task<EmailDelivery> GetDeliveryAsync() => Task.FromResult(
        new EmailDelivery(state.State.Status, state.State.Attempts, state.State.NextAttemptAt, state.State.LastError));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RetryReminder)
        {
            return;
        }

        if (state.State.Status == EmailStatus.Pending)
        {
            await AttemptAsync(CancellationToken.None);
        }
        else
        {
            await StopRetryingAsync();
        }
    }

    private async Task AttemptAsync(CancellationToken cancellationToken)
    {
        if (state.State is not { Status: EmailStatus.Pending, Message: { } message })
        {
            return;
        }

        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (EmailDeliveryException exception)
        {
            await RecordFailureAsync(message, exception.Message, exception.IsPermanent, exception);
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug in the adapter: retried like a transient fault, since giving up at once would lose the email.
            await RecordFailureAsync(message, "Internal error in the email sender: " + exception.Message, permanent: false, exception);
            return;
        }

        state.State.Attempts++;
        state.State.Status = EmailStatus.Sent;
        state.State.FinishedAt = time.GetUtcNow();
        state.State.NextAttemptAt = null;
        state.State.LastError = null;
        state.State.Message = message with { TextBody = "", HtmlBody = "" };

        // Not cancelled on deactivation: the server took the email, so recording it matters most now.
        await state.WriteStateAsync(CancellationToken.None);
        CountPending();
        LogSent(logger, Id, state.State.Attempts);
        await StopRetryingAsync();
    }

    private async Task RecordFailureAsync(EmailMessage message, string reason, bool permanent, Exception exception)
    {
        var now = time.GetUtcNow();
        state.State.Attempts++;
        state.State.LastError = reason;
        var delay = _policy.NextDelay(state.State.Attempts, permanent);
        if (delay is { } wait)
        {
            state.State.NextAttemptAt = now + wait;
            await state.WriteStateAsync();
            LogWillRetry(logger, exception, Id, state.State.Attempts, wait);
            await ScheduleRetryAsync(wait);
            return;
        }

        state.State.Status = EmailStatus.Failed;
        state.State.FinishedAt = now;
        state.State.NextAttemptAt = null;
        state.State.Message = message with { TextBody = "", HtmlBody = "" };
        await state.WriteStateAsync();
        CountPending();
        LogFailed(logger, exception, Id, state.State.Attempts, reason);
        await GrainFactory.GetGrain<IEmailOutboxRegistryGrain>(Guid.Empty).RecordUndeliveredAsync(
            new UndeliveredEmail(Id, message.To, message.Subject, state.State.Attempts, now, reason));
        await StopRetryingAsync();
    }

    /// <summary>The due time is the backoff; the period (the longest backoff) only matters if a tick is missed.</summary>
    private async Task ScheduleRetryAsync(TimeSpan dueIn) =>
        await this.RegisterOrUpdateReminder(RetryReminder, dueIn, options.Value.RetryMaxDelay);

    private Task StopRetryingAsync() => this.UnregisterReminderIfAnyAsync(RetryReminder);

    /// <summary>Keeps this silo's outbox-depth gauge in step with whether this email still waits.</summary>
    private void CountPending()
    {
        var pending = state.State.Status == EmailStatus.Pending;
        if (pending != _countedAsPending)
        {
            metrics.EmailPendingChanged(pending ? 1 : -1);
            _countedAsPending = pending;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EmailId} was accepted by the mail server after {Attempts} attempt(s)")]
    private static partial void LogSent(ILogger logger, Guid emailId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EmailId} attempt {Attempts} failed; retrying in {Delay}")]
    private static partial void LogWillRetry(ILogger logger, Exception exception, Guid emailId, int attempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {EmailId} is undelivered after {Attempts} attempt(s): {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid emailId, int attempts, string reason);
}
