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

    /// <summary>
    /// Reserves up to <paramref name="wanted"/> tokens for the reply <paramref name="reservation"/> (again: replaces its
    /// reservation) unless fewer than <paramref name="minimum"/> are left under <paramref name="limit"/>.
    /// </summary>
    Task<TokenReservation> ReserveAsync(Guid reservation, long limit, long wanted, long minimum);

    /// <summary>Gives back a reply's reservation, once what it spent is counted (or it spent nothing).</summary>
    Task ReleaseAsync(Guid reservation);

    /// <summary>Counts the tokens of a reply written at <paramref name="at"/>.</summary>
    Task SpendAsync(long tokens, DateTimeOffset at);

    /// <summary>The tokens spent today.</summary>
    Task<long> GetSpentAsync();
}
