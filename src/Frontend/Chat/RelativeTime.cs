using System.Globalization;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>Says how long ago something happened, as people say it ("2 minutes ago", "yesterday").</summary>
public static class RelativeTime
{
    public static string Describe(DateTimeOffset then, DateTimeOffset now)
    {
        var ago = now - then;
        if (ago < TimeSpan.FromSeconds(45))
        {
            return "just now";
        }

        if (ago < TimeSpan.FromMinutes(59.5))
        {
            return Count((int)Math.Max(1, Math.Round(ago.TotalMinutes)), "minute");
        }

        if (ago < TimeSpan.FromHours(23.5))
        {
            return Count((int)Math.Max(1, Math.Round(ago.TotalHours)), "hour");
        }

        var days = (now.UtcDateTime.Date - then.UtcDateTime.Date).Days;
        return days switch
        {
            <= 1 => "yesterday",
            < 7 => Count(days, "day"),
            _ => then.UtcDateTime.ToString(then.Year == now.Year ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>How soon the text for <paramref name="then"/> may change, so a page knows when to refresh it.</summary>
    public static TimeSpan RefreshAfter(DateTimeOffset then, DateTimeOffset now) =>
        now - then < TimeSpan.FromHours(1) ? TimeSpan.FromSeconds(15) : TimeSpan.FromMinutes(5);

    private static string Count(int n, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")} ago");
}
