using ChatbotOrleans.Grains.Usage;

namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>
/// Reads the models offered from both sections: the "OpenAI" section, when set, is a one-model list (as before
/// the catalog existed, so its replies keep their stored model name as id), then each entry of "Models:Catalog".
/// </summary>
internal static class ChatModelConfiguration
{
    /// <returns>The models, the default first; none means the offline bot.</returns>
    public static IReadOnlyList<ConfiguredChatModel> Read(OpenAIOptions openAI, ChatModelsOptions models)
    {
        var list = new List<ConfiguredChatModel>();
        if (openAI.IsConfigured)
        {
            list.Add(new ConfiguredChatModel(openAI.Model, openAI.Model, openAI, null, openAI.InputPricePer1000Tokens, openAI.OutputPricePer1000Tokens));
        }

        foreach (var (id, entry) in models.Catalog.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var options = openAI.With(entry.Endpoint, entry.ApiKey, string.IsNullOrWhiteSpace(entry.Model) ? id : entry.Model);
            var displayName = string.IsNullOrWhiteSpace(entry.DisplayName) ? id : entry.DisplayName.Trim();
            list.Add(new ConfiguredChatModel(id, displayName, options, entry.ContextCharacterBudget, entry.InputPricePer1K, entry.OutputPricePer1K));
        }

        var defaultId = string.IsNullOrWhiteSpace(models.Default) ? null : models.Default;
        return [.. list.Where(m => m.Id == defaultId), .. list.Where(m => m.Id != defaultId)];
    }

    /// <summary>The prices of the models with both prices set, by id: replies store the model's id.</summary>
    public static UsagePrices PricesOf(IReadOnlyList<ConfiguredChatModel> models) =>
        new(models.Where(m => m is { InputPricePer1K: not null, OutputPricePer1K: not null })
            .ToDictionary(m => m.Id, m => new TokenPrice(m.InputPricePer1K!.Value, m.OutputPricePer1K!.Value), StringComparer.Ordinal));
}
