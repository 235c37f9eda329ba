namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>A user's tokens of the current UTC day against their daily budget.</summary>
/// <param name="Tokens">Tokens the user's replies cost today.</param>
/// <param name="Limit">The user's daily token budget.</param>
/// <param name="ResetsAt">When the day ends and the budget renews (00:00 UTC).</param>
[GenerateSerializer, Immutable, Alias("DailyUsage")]
public sealed record DailyUsage(
    [property: Id(0)] long Tokens,
    [property: Id(1)] long Limit,
    [property: Id(2)] DateTimeOffset ResetsAt);
