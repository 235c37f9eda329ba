using System.Reflection;
using System.Text.RegularExpressions;

namespace ChatbotOrleans.Silo.Hosting;

/// <summary>
/// Rewrites a validator's "MaxMessageLength: The field ConversationOptions.MaxMessageLength must be between
/// 1 and 100000." as "Conversations:MaxMessageLength must be between 1 and 100000.": the key to set, as
/// the configuration and the environment (with __) spell it.
/// </summary>
internal static partial class OptionsFailure
{
    public static string Describe(Type optionsType, string failure)
    {
        var section = optionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        var match = GeneratedFailure().Match(failure);
        return section is null || !match.Success
            ? failure
            : $"{section}:{match.Groups["member"].Value} {match.Groups["rest"].Value}";
    }

    [GeneratedRegex(@"^(?<member>\w+): The field \w+\.\k<member> (?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex GeneratedFailure();
}
