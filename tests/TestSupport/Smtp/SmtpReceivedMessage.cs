using MimeKit;

namespace ChatbotOrleans.TestSupport.Smtp;

/// <summary>One message the sink accepted: the envelope and the parsed message.</summary>
public sealed record SmtpReceivedMessage(string From, IReadOnlyList<string> Recipients, MimeMessage Message)
{
    public string TextBody => Message.TextBody ?? "";

    public string HtmlBody => Message.HtmlBody ?? "";
}
