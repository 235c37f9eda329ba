using System.ComponentModel.DataAnnotations;

namespace ChatbotOrleans.Grains.Limits;

/// <summary>
/// Budgets that do not multiply with accounts, bound from the "Budgets" configuration section: new accounts
/// and messages are counted per client network and for the whole service, besides each user's own limits.
/// </summary>
public sealed class BudgetOptions
{
    public const string SectionName = "Budgets";

    /// <summary>New accounts per hour for the whole service: the model's bill must not grow with sign-up scripts.</summary>
    [Range(1, 1_000_000)]
    public int MaxNewAccountsPerHour { get; set; } = 1_000;

    /// <summary>New accounts per hour made from one client network.</summary>
    [Range(1, 1_000_000)]
    public int MaxNewAccountsPerNetworkPerHour { get; set; } = 10;

    /// <summary>Messages (and replies asked for again) per minute for the whole service: each costs a model reply.</summary>
    [Range(1, 1_000_000)]
    public int MaxMessagesPerMinute { get; set; } = 600;

    /// <summary>
    /// Messages per minute of all accounts made from one client network together: one person's many
    /// accounts share one allowance, wherever they chat from later.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxMessagesPerNetworkPerMinute { get; set; } = 60;

    /// <summary>Conversations one user may keep; each holds a reminder and a place in every list change.</summary>
    [Range(1, 100_000)]
    public int MaxConversationsPerUser { get; set; } = 100;

    /// <summary>New conversations one user may start per minute.</summary>
    [Range(1, 10_000)]
    public int MaxNewConversationsPerMinute { get; set; } = 10;

    /// <summary>Tokens (prompt and reply) one user's replies may cost in a UTC day; checked before each model call.</summary>
    [Range(1, int.MaxValue)]
    public int MaxTokensPerUserPerDay { get; set; } = 200_000;

    /// <summary>Tokens all replies together may cost in a UTC day: the ceiling of the model's daily bill.</summary>
    [Range(1, int.MaxValue)]
    public int MaxTokensPerDay { get; set; } = 20_000_000;
}
