namespace ChatbotOrleans.Grains.Limits;

/// <summary>The keys of the shared budgets (<see cref="IBudgetGrain"/>) and how to spend them.</summary>
public static class Budgets
{
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public const string NewAccounts = "accounts";

    public const string Messages = "messages";

    public static string NewAccountsFrom(string network) => $"accounts@{network}";

    public static string MessagesFrom(string network) => $"messages@{network}";

    /// <summary>Counts one event against a budget.</summary>
    /// <returns><c>null</c> when counted; otherwise how long to wait.</returns>
    public static Task<TimeSpan?> TryTakeAsync(this IGrainFactory grains, string budget, int limit, TimeSpan window) =>
        grains.GetGrain<IBudgetGrain>(budget).TryTakeAsync(limit, window);
}
