namespace ChatbotOrleans.Silo.Email;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpTlsMode
{
    /// <summary>TLS on connect for port 465, otherwise STARTTLS when the server offers it.</summary>
    Auto,

    /// <summary>Plain text (a local relay or a test server only).</summary>
    None,

    /// <summary>STARTTLS, required: fails when the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
