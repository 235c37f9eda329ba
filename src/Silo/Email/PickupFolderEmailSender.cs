using System.Globalization;
using ChatbotOrleans.Grains.Email;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.Email;

/// <summary>
/// Writes each email as an .eml file (openable in any mail client) when no SMTP server is configured, so
/// the app runs with no mail account. Written under a temporary name and renamed, so a reader never sees
/// half a message.
/// </summary>
internal sealed class PickupFolderEmailSender(IOptions<SmtpOptions> options, IHostEnvironment environment, TimeProvider time) : IEmailSender
{
    public string Folder => Path.GetFullPath(options.Value.PickupFolder, environment.ContentRootPath);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mime = MimeMessages.Create(message, options.Value);
        var name = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}");
        var temporary = Path.Combine(Folder, name + ".tmp");
        try
        {
            Directory.CreateDirectory(Folder);
            await mime.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, Path.Combine(Folder, name + ".eml"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EmailDeliveryException($"Could not write the email to the pickup folder {Folder}: {exception.Message}", isPermanent: false, exception);
        }
    }
}
