using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>One sentence per mistake in the "Models" section, naming the key, so a failed start says what to fix.</summary>
internal sealed partial class ChatModelsOptionsValidator(IOptions<OpenAIOptions> openAI) : IValidateOptions<ChatModelsOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatModelsOptions options)
    {
        var failures = new List<string>();
        const string Section = ChatModelsOptions.SectionName + ":Catalog";
        var legacy = openAI.Value.IsConfigured ? openAI.Value.Model : null;

        foreach (var (id, entry) in options.Catalog)
        {
            if (!IdPattern().IsMatch(id))
            {
                failures.Add($"{Section}:{id} is not a usable model id: use up to 64 letters, digits, '.', '-', '_' or ':'.");
            }

            if (id == legacy)
            {
                failures.Add($"{Section}:{id} has the id of the OpenAI section's model; remove one of them or rename the entry.");
            }

            if (string.IsNullOrWhiteSpace(entry.ApiKey) && string.IsNullOrWhiteSpace(entry.Endpoint))
            {
                failures.Add($"{Section}:{id} needs an ApiKey or an Endpoint (e.g. http://localhost:11434/v1).");
            }

            if (!string.IsNullOrWhiteSpace(entry.Endpoint)
                && (!Uri.TryCreate(entry.Endpoint, UriKind.Absolute, out var endpoint)
                    || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
            {
                failures.Add($"{Section}:{id}:Endpoint must be an absolute http or https URL such as http://localhost:11434/v1, but was '{entry.Endpoint}'.");
            }

            if (entry.ContextCharacterBudget is < 100 or > 1_000_000)
            {
                failures.Add($"{Section}:{id}:ContextCharacterBudget must be between 100 and 1,000,000 characters, but was {entry.ContextCharacterBudget}.");
            }

            if (entry.InputPricePer1K < 0 || entry.OutputPricePer1K < 0)
            {
                failures.Add($"{Section}:{id}: prices per 1,000 tokens must not be negative.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.Default) && options.Default != legacy && !options.Catalog.ContainsKey(options.Default))
        {
            var offered = string.Join(", ", options.Catalog.Keys.Append(legacy ?? "").Where(k => k.Length > 0));
            failures.Add($"{ChatModelsOptions.SectionName}:Default is '{options.Default}', but no model has that id (configured: {(offered.Length > 0 ? offered : "none")}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
    private static partial Regex IdPattern();
}
