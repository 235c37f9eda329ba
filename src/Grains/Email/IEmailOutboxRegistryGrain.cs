namespace ChatbotOrleans.Grains.Email;

/// <summary>The list of undelivered emails for operators. A singleton: use key <see cref="Guid.Empty"/>.</summary>
[Alias("IEmailOutboxRegistryGrain")]
public interface IEmailOutboxRegistryGrain : IGrainWithGuidKey
{
    /// <summary>Records an email the outbox gave up on. Idempotent on the email's id.</summary>
    Task RecordUndeliveredAsync(UndeliveredEmail email);

    /// <summary>The undelivered emails, newest first.</summary>
    Task<IReadOnlyList<UndeliveredEmail>> ListUndeliveredAsync();

    /// <summary>Drops every entry for an address whose account was deleted.</summary>
    Task ForgetRecipientAsync(string address);
}
