using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Limits;

/// <summary>The keys of the shared budgets (<see cref="IBudgetGrain"/>) and how to spend them.</summary>
public static class Budgets
{
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public const string NewAccounts = "accounts";

    public const string Messages = "messages";

    /// <summary>The daily tokens of the whole service (<see cref="ITokenBudgetGrain"/>).</summary>
    public const string Tokens = "tokens";

    private const string TokensOfPrefix = "tokens@";

    public static string NewAccountsFrom(string network) => $"accounts@{network}";

    public static string MessagesFrom(string network) => $"messages@{network}";

    /// <summary>The daily tokens of one user (<see cref="ITokenBudgetGrain"/>).</summary>
    public static string TokensOf(UserId user) => TokensOfPrefix + user.Value.ToString("N");

    /// <summary>The user a token budget's key names; <c>null</c> for the service's.</summary>
    public static UserId? UserOfTokens(string budget) =>
        budget.StartsWith(TokensOfPrefix, StringComparison.Ordinal) ? new UserId(Guid.ParseExact(budget[TokensOfPrefix.Length..], "N")) : null;

    /// <summary>Counts one event against a budget.</summary>
    /// <returns><c>null</c> when counted; otherwise how long to wait.</returns>
    public static Task<TimeSpan?> TryTakeAsync(this IGrainFactory grains, string budget, int limit, TimeSpan window) =>
        grains.GetGrain<IBudgetGrain>(budget).TryTakeAsync(limit, window);
}
