using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Limits;

/// <summary>The daily token budgets (<see cref="ITokenBudgetGrain"/>): checked before a model call, spent after it.</summary>
public static class TokenBudgets
{
    /// <summary>The sentence to show when the user's or the service's tokens of the day are spent; otherwise <c>null</c>.</summary>
    public static async Task<string?> RefusalAsync(this IGrainFactory grains, UserId user, BudgetOptions limits, DateTimeOffset now)
    {
        if (await grains.GetGrain<ITokenBudgetGrain>(Budgets.TokensOf(user)).CheckAsync(limits.MaxTokensPerUserPerDay) is { } userWait)
        {
            return RateLimitMessages.TokensSpent(limits.MaxTokensPerUserPerDay, DailyTokens.ResetAt(now), userWait);
        }

        return await grains.GetGrain<ITokenBudgetGrain>(Budgets.Tokens).CheckAsync(limits.MaxTokensPerDay) is { } overallWait
            ? RateLimitMessages.TokensSpentOverall(DailyTokens.ResetAt(now), overallWait)
            : null;
    }

    /// <summary>Spends a reply's tokens from the user's and the service's budget.</summary>
    public static Task SpendAsync(this IGrainFactory grains, UserId user, long tokens, DateTimeOffset at) => Task.WhenAll(
        grains.GetGrain<ITokenBudgetGrain>(Budgets.TokensOf(user)).SpendAsync(tokens, at),
        grains.GetGrain<ITokenBudgetGrain>(Budgets.Tokens).SpendAsync(tokens, at));
}
