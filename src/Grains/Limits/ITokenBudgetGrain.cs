namespace ChatbotOrleans.Grains.Limits;

/// <summary>
/// A daily token budget, keyed as <see cref="Budgets.Tokens"/> (the whole service) or <see cref="Budgets.TokensOf"/>
/// (one user): one activation in the cluster counts the tokens of every silo's replies.
/// </summary>
[Alias("ITokenBudgetGrain")]
public interface ITokenBudgetGrain : IGrainWithStringKey
{
    /// <summary>Whether the day's tokens are below <paramref name="limit"/>.</summary>
    /// <returns><c>null</c> when a reply may be asked for; otherwise how long until the budget renews.</returns>
    Task<TimeSpan?> CheckAsync(long limit);

    /// <summary>Counts the tokens of a reply written at <paramref name="at"/>.</summary>
    Task SpendAsync(long tokens, DateTimeOffset at);

    /// <summary>The tokens spent today.</summary>
    Task<long> GetSpentAsync();
}
