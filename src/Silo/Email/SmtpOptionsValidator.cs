using Microsoft.Extensions.Options;
using MimeKit;

namespace ChatbotOrleans.Silo.Email;

/// <summary>One sentence per mistake, naming the configuration key, so a failed start says what to fix.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        const string Section = SmtpOptions.SectionName;
        var failures = new List<string>();

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{Section}:Port must be a TCP port (1-65535), but was {options.Port}.");
        }

        if (!Enum.IsDefined(options.TlsMode))
        {
            failures.Add($"{Section}:TlsMode must be one of {string.Join(", ", Enum.GetNames<SmtpTlsMode>())}.");
        }

        if (!MailboxAddress.TryParse(options.SenderAddress, out var sender) || sender.Address != options.SenderAddress?.Trim() || !sender.Address.Contains('@', StringComparison.Ordinal))
        {
            failures.Add($"{Section}:SenderAddress must be a plain email address such as chatbot@example.com, but was '{options.SenderAddress}'.");
        }

        if (string.IsNullOrWhiteSpace(options.User) && !string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{Section}:Password is set but {Section}:User is empty; set both or neither.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Section}:Timeout must be between 0 and 10 minutes, but was {options.Timeout}.");
        }

        if (!options.UsesServer && string.IsNullOrWhiteSpace(options.PickupFolder))
        {
            failures.Add($"{Section}:PickupFolder is empty and {Section}:Host is not set; set one of them.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
