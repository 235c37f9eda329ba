namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>One model of <see cref="ChatModelsOptions.Catalog"/>; what is not set here comes from the "OpenAI" section.</summary>
internal sealed class ChatModelEntryOptions
{
    /// <summary>What the picker shows; the id when empty.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Base URL of an OpenAI-compatible API; empty means api.openai.com.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Secret: from the environment or a Swarm secret, never appsettings.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model name sent to the endpoint; the id when empty.</summary>
    public string? Model { get; set; }

    /// <summary>Characters of context this model takes; empty means Conversations:ContextCharacterBudget.</summary>
    public int? ContextCharacterBudget { get; set; }

    /// <summary>What 1,000 input tokens cost, for the operator's usage report.</summary>
    public decimal? InputPricePer1K { get; set; }

    /// <summary>What 1,000 output tokens cost, for the operator's usage report.</summary>
    public decimal? OutputPricePer1K { get; set; }
}
