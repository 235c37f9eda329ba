using System.Globalization;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>Token counts as the page says them.</summary>
public static class UsageText
{
    public static string Tokens(long count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} token{(count == 1 ? "" : "s")}");

    /// <summary>A reply's count on its meta line; an estimate says so with "≈".</summary>
    public static string Brief(TokenUsage usage) => (usage.Estimated ? "≈ " : "") + Tokens(usage.Total);

    /// <summary>A reply's tooltip: where the tokens went, and whether the endpoint counted them.</summary>
    public static string Detail(TokenUsage usage) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Tokens(usage.Total)}: {usage.InputTokens:N0} in, {usage.OutputTokens:N0} out{(usage.Estimated ? " (estimated: the model reported none)" : "")}");

    /// <summary>The user's day against their budget, and when it renews.</summary>
    public static string Today(DailyUsage today) => string.Create(
        CultureInfo.InvariantCulture,
        $"Today: {today.Tokens:N0} of {Tokens(today.Limit)}, renewed at {today.ResetsAt.UtcDateTime:HH:mm} UTC");
}
