using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>One sentence per mistake, naming the configuration key, so a failed start says what to fix.</summary>
internal sealed class OpenAIOptionsValidator : IValidateOptions<OpenAIOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenAIOptions options)
    {
        var failures = new List<string>();
        const string Section = OpenAIOptions.SectionName;

        if (!string.IsNullOrWhiteSpace(options.Endpoint)
            && (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint)
                || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{Section}:Endpoint must be an absolute http or https URL such as http://localhost:11434/v1, but was '{options.Endpoint}'.");
        }

        if (options.IsConfigured && string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{Section}:Model is required when {Section}:ApiKey or {Section}:Endpoint is set (e.g. gpt-4o-mini).");
        }

        if (options.MaxOutputTokens <= 0)
        {
            failures.Add($"{Section}:MaxOutputTokens must be positive, but was {options.MaxOutputTokens}.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:RequestTimeout must be positive, but was {options.RequestTimeout}.");
        }

        if (options.MaxRetries < 0)
        {
            failures.Add($"{Section}:MaxRetries must be zero or more, but was {options.MaxRetries}.");
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            failures.Add($"{Section}:RetryDelay must not be negative, but was {options.RetryDelay}.");
        }

        if (options.StreamUpdateInterval < TimeSpan.Zero || options.StreamUpdateInterval > TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Section}:StreamUpdateInterval must be between 0 and 1 second, but was {options.StreamUpdateInterval}.");
        }

        if (options.InputPricePer1000Tokens < 0 || options.OutputPricePer1000Tokens < 0)
        {
            failures.Add($"{Section}:InputPricePer1000Tokens and {Section}:OutputPricePer1000Tokens must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
