using System.Globalization;
using System.Text;
using ChatbotOrleans.Grains.Usage;

namespace ChatbotOrleans.Silo.Usage;

/// <summary>
/// The text of <c>silo usage</c>: a day's totals, then its top users (by address) and its models by tokens. A cost
/// column appears when a price is configured; a line using a model without a price shows "-" rather than a part-cost.
/// </summary>
internal static class UsageReport
{
    private const string Header = "replies      input     output      total";
    private const int NameWidth = 36;

    // Addresses of the users who still exist; the others are shown by id, marked deleted.
    public static string Format(
        DateOnly day, IReadOnlyList<UsageRow> rows, IReadOnlyDictionary<Guid, string> addresses, IReadOnlyDictionary<string, TokenPrice> prices, int top)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (rows.Count == 0)
        {
            return $"No replies on {date} (UTC).\n";
        }

        var priced = prices.Count > 0;
        var all = Sum("all", rows, prices);
        var text = new StringBuilder();
        var replies = all.Replies == 1 ? "reply" : "replies";
        text.Append(CultureInfo.InvariantCulture, $"Usage on {date} (UTC): {all.Replies:N0} {replies}, {all.Input + all.Output:N0} tokens");
        text.Append(CultureInfo.InvariantCulture, $" ({all.Estimated:N0} of the replies estimated)");
        text.Append(!priced ? ".\n" : all.Cost is null ? ", cost unknown: a model has no price.\n" : $", cost {Cost(all.Cost)}.\n");
        Table(text, $"Top {top} users", [.. rows.GroupBy(r => r.User).Select(g => Sum(NameOf(g.Key, addresses), [.. g], prices))], top, priced);
        Table(text, "Models", [.. rows.GroupBy(r => r.Model).Select(g => Sum(g.Key, [.. g], prices))], int.MaxValue, priced);
        return text.ToString();
    }

    // Rows of deleted accounts name no user (see IUsageLog.ForgetUserAsync): they share one line.
    private static string NameOf(Guid user, IReadOnlyDictionary<Guid, string> addresses) =>
        user == Guid.Empty ? "deleted accounts" : addresses.TryGetValue(user, out var address) ? address : $"{user} (deleted)";

    private static void Table(StringBuilder text, string title, List<Line> lines, int top, bool priced)
    {
        var shown = lines.OrderByDescending(l => l.Input + l.Output).ThenBy(l => l.Name, StringComparer.Ordinal).Take(top).ToList();

        // As wide as the longest name shown, so that a long address does not push its figures out of line.
        var width = shown.Select(l => l.Name.Length).Append(NameWidth).Max();
        text.Append(CultureInfo.InvariantCulture, $"\n{title.PadRight(width)} {Header}{(priced ? "       cost" : "")}\n");
        foreach (var line in shown)
        {
            text.Append(CultureInfo.InvariantCulture, $"{line.Name.PadRight(width)} {line.Replies,7:N0} {line.Input,10:N0} {line.Output,10:N0} {line.Input + line.Output,10:N0}");
            text.Append(priced ? $" {Cost(line.Cost),10}\n" : "\n");
        }
    }

    private static Line Sum(string name, IReadOnlyList<UsageRow> rows, IReadOnlyDictionary<string, TokenPrice> prices)
    {
        // A cost is known only when every model of the line has a price.
        decimal? cost = rows.All(r => prices.ContainsKey(r.Model))
            ? rows.Sum(r => prices[r.Model].Of(r.InputTokens, r.OutputTokens))
            : null;
        return new Line(name, rows.Sum(r => r.Replies), rows.Sum(r => r.InputTokens), rows.Sum(r => r.OutputTokens), rows.Sum(r => r.EstimatedReplies), cost);
    }

    private static string Cost(decimal? cost) => cost is { } known ? known.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    private sealed record Line(string Name, long Replies, long Input, long Output, long Estimated, decimal? Cost);
}
