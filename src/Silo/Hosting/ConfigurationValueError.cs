using System.Text.RegularExpressions;

namespace ChatbotOrleans.Silo.Hosting;

/// <summary>
/// Turns the configuration binder's "Failed to convert configuration value 'abc' at 'Smtp:Port' to type
/// 'System.Int32'" into a sentence that names the setting and the kind of value it takes.
/// </summary>
internal static partial class ConfigurationValueError
{
    public static string? Describe(string message)
    {
        var match = FailedToConvert().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var (value, key, type) = (match.Groups["value"].Value, match.Groups["key"].Value, match.Groups["type"].Value);
        var kind = type switch
        {
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Double" or "System.Decimal" => "a number",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration such as 00:00:30",
            "System.Uri" => "an absolute URL",
            _ => $"a value of type {type[(type.LastIndexOf('.') + 1)..]}",
        };
        return $"{key} must be {kind}, but was '{value}'. Fix the setting (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}).";
    }

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex FailedToConvert();
}
