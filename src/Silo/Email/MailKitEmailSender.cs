using System.Globalization;
using System.Net.Sockets;
using ChatbotOrleans.Grains.Email;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.Email;

/// <summary>
/// Sends through an SMTP server with MailKit, one connection per email (the welcome mail is rare; a pool
/// would only add failure modes). Sorts every failure into permanent (a 5xx reply about the message or
/// its recipient) or transient (anything an operator or the server can fix while the outbox waits).
/// </summary>
internal sealed class MailKitEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var mime = MimeMessages.Create(message, settings);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host ?? "", settings.Port, SecureSocketOptionsFor(settings.TlsMode), cancellationToken);
            if (!string.IsNullOrWhiteSpace(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
        }
        catch (SmtpCommandException exception)
        {
            var code = (int)exception.StatusCode;
            throw new EmailDeliveryException(
                string.Create(CultureInfo.InvariantCulture, $"The mail server replied {code}: {exception.Message.Trim()}"),
                isPermanent: code >= 500 && !IsAuthenticationCode(code),
                exception);
        }
        catch (Exception exception) when (exception is SocketException or IOException or TimeoutException
            or SmtpProtocolException or AuthenticationException or SslHandshakeException or ServiceNotConnectedException
            or NotSupportedException
            or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException(
                $"Could not reach or talk to the mail server {settings.Host}:{settings.Port}: {exception.Message}",
                isPermanent: false,
                exception);
        }

        // The server has accepted the message: a failure to say goodbye must not make it look unsent.
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception exception) when (exception is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
        {
        }
    }

    // NotSupportedException: STARTTLS or an authentication mechanism is required but not offered, a TLS fault.

    /// <summary>Authentication replies are 5xx but mean a configuration fault, which an operator can fix.</summary>
    private static bool IsAuthenticationCode(int code) => code is 530 or 534 or 535 or 538;

    private static SecureSocketOptions SecureSocketOptionsFor(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
        SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
