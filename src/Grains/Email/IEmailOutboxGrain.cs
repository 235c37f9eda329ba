namespace ChatbotOrleans.Grains.Email;

/// <summary>
/// One email on its way out, keyed by the email's id. Make the id deterministic (see
/// <see cref="EmailIds"/>) when a retried request must not queue the same email twice.
/// </summary>
[Alias("IEmailOutboxGrain")]
public interface IEmailOutboxGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Stores the email and its retry reminder, then returns; the first attempt runs right after, off
    /// the caller's path. A second call with the same id changes nothing.
    /// </summary>
    Task EnqueueAsync(EmailMessage message);

    /// <summary>The delivery so far; status <see cref="EmailStatus.None"/> for an id never queued.</summary>
    Task<EmailDelivery> GetDeliveryAsync();

    /// <summary>Stops any retry and deletes the email's row (its link expired, or its account was deleted).</summary>
    Task ForgetAsync();
}
