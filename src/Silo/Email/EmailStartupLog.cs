using ChatbotOrleans.Grains.Email;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.Email;

/// <summary>Says once at start where mail goes, so a missing SMTP setting is obvious and the .eml files easy to find.</summary>
internal sealed partial class EmailStartupLog(
    IEmailSender sender,
    IOptions<SmtpOptions> smtp,
    IOptions<EmailOptions> email,
    ILogger<EmailStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var schedule = string.Join(", ", new EmailRetryPolicy(email.Value).Schedule());
        if (sender is PickupFolderEmailSender pickup)
        {
            LogPickupFolder(logger, pickup.Folder, schedule);
        }
        else
        {
            LogSmtpServer(logger, smtp.Value.Host, smtp.Value.Port, smtp.Value.TlsMode, schedule);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Smtp:Host is set: emails are written as .eml files to {Folder}. Retry delays: {Schedule}")]
    private static partial void LogPickupFolder(ILogger logger, string folder, string schedule);

    [LoggerMessage(Level = LogLevel.Information, Message = "Emails go to the SMTP server {Host}:{Port} (TLS {TlsMode}). Retry delays: {Schedule}")]
    private static partial void LogSmtpServer(ILogger logger, string? host, int port, SmtpTlsMode tlsMode, string schedule);
}
