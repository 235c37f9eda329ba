namespace ChatbotOrleans.Grains.Email;

/// <summary>Decides what follows a failed attempt: the delay before the next one, or giving up.</summary>
public sealed class EmailRetryPolicy(TimeSpan initialDelay, TimeSpan maxDelay, int maxAttempts)
{
    public EmailRetryPolicy(EmailOptions options)
        : this(options.RetryInitialDelay, options.RetryMaxDelay, options.MaxAttempts)
    {
    }

    /// <summary>
    /// The wait after <paramref name="failedAttempts"/> failures, or <c>null</c> when the email should be
    /// marked failed: at once for a permanent failure, otherwise once the attempts are used up.
    /// </summary>
    public TimeSpan? NextDelay(int failedAttempts, bool permanent)
    {
        if (permanent || failedAttempts >= maxAttempts)
        {
            return null;
        }

        // Capped before multiplying, so a large attempt count cannot overflow.
        var doublings = Math.Min(failedAttempts - 1, 30);
        var delay = initialDelay * Math.Pow(2, Math.Max(doublings, 0));
        return delay < maxDelay ? delay : maxDelay;
    }

    /// <summary>The whole schedule, for logs and docs: the waits between attempts 1…n.</summary>
    public IReadOnlyList<TimeSpan> Schedule() =>
        [.. Enumerable.Range(1, maxAttempts - 1).Select(n => NextDelay(n, permanent: false)!.Value)];
}
