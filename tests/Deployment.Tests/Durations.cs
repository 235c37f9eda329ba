using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatbotOrleans.Deployment.Tests;

/// <summary>Compose durations ("1m30s", "45s", "500ms").</summary>
internal static partial class Durations
{
    public static TimeSpan Parse(string value)
    {
        var parts = DurationPart().Matches(value);
        parts.Count.ShouldBeGreaterThan(0, $"\"{value}\" is not a duration");
        string.Concat(parts.Select(p => p.Value)).ShouldBe(value, $"\"{value}\" is not a duration");
        return parts.Aggregate(TimeSpan.Zero, (total, part) =>
        {
            var amount = double.Parse(part.Groups["amount"].Value, CultureInfo.InvariantCulture);
            return total + part.Groups["unit"].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                var unit => throw new FormatException($"unknown unit {unit} in \"{value}\""),
            };
        });
    }

    [GeneratedRegex(@"(?<amount>\d+(\.\d+)?)(?<unit>ms|h|m|s)")]
    private static partial Regex DurationPart();
}
