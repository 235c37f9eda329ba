using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Presets;

/// <summary>A user's own presets, oldest first. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("UserPresetsState")]
public sealed class UserPresetsState
{
    [Id(0)] public List<ChatPreset> Presets { get; set; } = [];
}
