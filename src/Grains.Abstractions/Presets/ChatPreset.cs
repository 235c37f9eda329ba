namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>A way to start a chat: its instructions and model, under a name the user picks it by.</summary>
/// <param name="Name">Unique among the user's presets and the built-in ones.</param>
/// <param name="Instructions">The new chat's system prompt; empty for none.</param>
/// <param name="ModelId">The new chat's model; <c>null</c> for the default.</param>
/// <param name="IsBuiltIn">Offered to everyone; cannot be changed or deleted.</param>
[GenerateSerializer, Immutable, Alias("ChatPreset")]
public sealed record ChatPreset(
    [property: Id(0)] string Name,
    [property: Id(1)] string Instructions,
    [property: Id(2)] string? ModelId = null,
    [property: Id(3)] bool IsBuiltIn = false)
{
    /// <summary>The setup a chat started from this preset gets.</summary>
    public ConversationSetup Setup => new(ModelId, Instructions);
}
