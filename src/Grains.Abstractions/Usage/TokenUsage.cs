namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>The tokens one reply cost.</summary>
/// <param name="InputTokens">Tokens of the context sent to the model (prompt).</param>
/// <param name="OutputTokens">Tokens the model wrote (completion); for a stopped reply, only what arrived.</param>
/// <param name="Estimated">Counted here from the text, because the endpoint reported none.</param>
[GenerateSerializer, Immutable, Alias("TokenUsage")]
public sealed record TokenUsage(
    [property: Id(0)] int InputTokens,
    [property: Id(1)] int OutputTokens,
    [property: Id(2)] bool Estimated)
{
    public long Total => (long)InputTokens + OutputTokens;
}
