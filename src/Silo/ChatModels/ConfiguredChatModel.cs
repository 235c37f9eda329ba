namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>A model as the operator configured it: what the catalog serves, the start-up log and <c>silo models</c> report.</summary>
/// <param name="Id">Stored with conversations and replies.</param>
/// <param name="DisplayName">What pages show.</param>
/// <param name="OpenAI">How to reach it (endpoint, key, upstream model name).</param>
/// <param name="ContextCharacterBudget">Its own context budget, if any.</param>
/// <param name="InputPricePer1K">What 1,000 input tokens cost, if known.</param>
/// <param name="OutputPricePer1K">What 1,000 output tokens cost, if known.</param>
internal sealed record ConfiguredChatModel(
    string Id,
    string DisplayName,
    OpenAIOptions OpenAI,
    int? ContextCharacterBudget = null,
    decimal? InputPricePer1K = null,
    decimal? OutputPricePer1K = null);
