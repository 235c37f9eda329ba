using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Usage;

/// <summary>The operator's prices by model id (replies store the id); a model without both prices has none.</summary>
public sealed class UsagePrices(IReadOnlyDictionary<string, TokenPrice> byModel)
{
    public static UsagePrices None { get; } = new(new Dictionary<string, TokenPrice>());

    public IReadOnlyDictionary<string, TokenPrice> ByModel => byModel;

    /// <summary>What a reply of <paramref name="model"/> cost at today's prices, or null when the model has no price.</summary>
    public decimal? CostOf(string model, TokenUsage usage) =>
        byModel.TryGetValue(model, out var price) ? price.Of(usage.InputTokens, usage.OutputTokens) : null;
}
