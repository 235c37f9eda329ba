namespace ChatbotOrleans.Silo.Email;

/// <summary>
/// The SMTP server mail goes to, section "Smtp" (<c>Smtp__Host</c>…). With no <see cref="Host"/> the
/// silo writes each email as an .eml file to <see cref="PickupFolder"/> instead.
/// </summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpTlsMode TlsMode { get; set; } = SmtpTlsMode.Auto;

    /// <summary>Empty sends without authenticating.</summary>
    public string? User { get; set; }

    /// <summary>Secret: comes from the environment (<c>Smtp__Password</c>) or a Swarm secret, never appsettings.</summary>
    public string? Password { get; set; }

    public string SenderAddress { get; set; } = "chatbot@localhost";

    public string SenderName { get; set; } = "Chatbot";

    /// <summary>Limit for each step of the SMTP conversation.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where .eml files go when no host is set; relative to the content root.</summary>
    public string PickupFolder { get; set; } = Path.Combine(".data", "mail");

    public bool UsesServer => !string.IsNullOrWhiteSpace(Host);
}
