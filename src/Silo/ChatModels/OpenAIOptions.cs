namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>
/// Settings of the OpenAI-compatible chat model (OpenAI, Azure OpenAI v1, Ollama, vLLM…), section "OpenAI".
/// With neither <see cref="ApiKey"/> nor <see cref="Endpoint"/> the silo runs the offline bot instead.
/// </summary>
internal sealed class OpenAIOptions
{
    public const string SectionName = "OpenAI";

    /// <summary>Secret: comes from the environment (<c>OpenAI__ApiKey</c>) or a Swarm secret, never appsettings.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Base URL of an OpenAI-compatible API, e.g. <c>http://localhost:11434/v1</c>; empty means api.openai.com.</summary>
    public string? Endpoint { get; set; }

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Empty sends no system message at all.</summary>
    public string SystemPrompt { get; set; } =
        "You are a helpful, friendly assistant. Answer concisely and accurately; say so when you are not sure.";

    public int MaxOutputTokens { get; set; } = 1024;

    /// <summary>Limit for the response headers, then for each silence between two chunks of a streamed reply.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries of a transient failure, only while no token of the reply has been handed out yet.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff delay, doubled on each retry unless the server sends Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Tokens arriving closer together than this are handed to the conversation as one fragment (one stream
    /// event per page instead of one per token); zero hands on every token as it comes.
    /// </summary>
    public TimeSpan StreamUpdateInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Optional price of 1,000 input (prompt) tokens, in the currency of the bill; `silo usage` shows cost with it.</summary>
    public decimal? InputPricePer1000Tokens { get; set; }

    /// <summary>Optional price of 1,000 output (reply) tokens.</summary>
    public decimal? OutputPricePer1000Tokens { get; set; }

    /// <summary>These settings for another endpoint, key and upstream model name.</summary>
    public OpenAIOptions With(string? endpoint, string? apiKey, string model)
    {
        var copy = (OpenAIOptions)MemberwiseClone();
        (copy.Endpoint, copy.ApiKey, copy.Model) = (endpoint, apiKey, model);
        return copy;
    }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey) || !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>The endpoint without user info, query or fragment, fit for logs.</summary>
    public string DisplayEndpoint =>
        Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri)
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped)
            : "https://api.openai.com/v1";
}
