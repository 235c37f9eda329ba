namespace ChatbotOrleans.Grains.Email;

/// <summary>
/// The mail system did not accept a message. <see cref="IsPermanent"/> is true when retrying cannot help
/// (an SMTP 5xx reply such as an unknown mailbox); connection, TLS, authentication and 4xx failures are
/// transient, since an operator or the server itself can fix them while the outbox waits.
/// </summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException()
    {
    }

    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    public EmailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmailDeliveryException(string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException)
    {
        IsPermanent = isPermanent;
    }

    public bool IsPermanent { get; }
}
