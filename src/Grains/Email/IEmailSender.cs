namespace ChatbotOrleans.Grains.Email;

/// <summary>Hands an email to the mail system (an SMTP server, or a pickup folder).</summary>
public interface IEmailSender
{
    /// <summary>
    /// Returns once the message is accepted; throws <see cref="EmailDeliveryException"/> when it is not,
    /// saying whether trying again can help.
    /// </summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
