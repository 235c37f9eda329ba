using System.Globalization;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;

namespace ChatbotOrleans.Grains.Presets;

/// <summary>What a user's preset may be, and how their list changes when one is saved or deleted.</summary>
public static class PresetRules
{
    public const int MaxNameLength = 60;
    public const int MaxPresets = 50;

    /// <summary>The list with <paramref name="preset"/> saved (trimmed, replacing one of its name), or a sentence saying why not.</summary>
    public static (List<ChatPreset>? Presets, string? Error) Save(
        IReadOnlyList<ChatPreset> presets, ChatPreset preset, IChatModels models, int maxInstructionsLength)
    {
        var name = (preset.Name ?? "").Trim();
        if (name.Length == 0)
        {
            return (null, "Give the preset a name.");
        }

        if (name.Length > MaxNameLength)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"A preset's name can be at most {MaxNameLength} characters; this one is {name.Length}."));
        }

        if (BuiltInPresets.All.Any(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, $"“{name}” is a built-in preset; choose another name.");
        }

        var (setup, error) = ConversationSetupRules.Check(preset.Setup, models, maxInstructionsLength);
        if (setup is null)
        {
            return (null, error);
        }

        var others = presets.Where(p => !string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (others.Count >= MaxPresets)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"You can keep at most {MaxPresets} presets; delete one first."));
        }

        return ([.. others, new ChatPreset(name, setup.Instructions, setup.ModelId)], null);
    }
}
