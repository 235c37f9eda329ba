namespace ChatbotOrleans.Grains.Usage;

/// <summary>What 1,000 input and 1,000 output tokens of a model cost.</summary>
public sealed record TokenPrice(decimal InputPer1000, decimal OutputPer1000)
{
    public decimal Of(long inputTokens, long outputTokens) => (inputTokens * InputPer1000 / 1000m) + (outputTokens * OutputPer1000 / 1000m);
}
