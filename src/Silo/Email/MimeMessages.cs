using ChatbotOrleans.Grains.Email;
using MimeKit;

namespace ChatbotOrleans.Silo.Email;

/// <summary>Turns an outbox email into the MIME message both senders write.</summary>
internal static class MimeMessages
{
    public static MimeMessage Create(EmailMessage message, SmtpOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.SenderName, options.SenderAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
