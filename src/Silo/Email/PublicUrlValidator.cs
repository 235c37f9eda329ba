using ChatbotOrleans.Grains.Email;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.Email;

/// <summary>
/// Checks <see cref="EmailOptions.PublicUrl"/>: every sign-in link is built from it, so outside Development it
/// must be set, absolute http(s), and not a localhost name (the default once was, and every link in production
/// pointed at the reader's own machine).
/// </summary>
internal sealed class PublicUrlValidator(IHostEnvironment environment) : IValidateOptions<EmailOptions>
{
    public const string DevelopmentDefault = "http://localhost:5080";

    private const string Setting = "Email:PublicUrl (environment variable Email__PublicUrl)";

    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var value = options.PublicUrl;
        if (string.IsNullOrWhiteSpace(value))
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Setting} is required: the app's public address for the links in emails, e.g. https://chat.example.com.");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ValidateOptionsResult.Fail($"{Setting} must be an absolute http or https address such as https://chat.example.com, but was '{value}'.");
        }

        var localhost = url.IsLoopback && !System.Net.IPAddress.TryParse(url.Host.Trim('[', ']'), out _)
            || url.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
        return localhost && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail($"{Setting} is '{value}', a localhost address: links in emails would point at each reader's own machine. Set the app's public address.")
            : ValidateOptionsResult.Success;
    }
}
