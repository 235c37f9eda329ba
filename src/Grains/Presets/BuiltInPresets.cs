using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Presets;

/// <summary>The presets everyone has, so a new user sees at once what instructions can do.</summary>
public static class BuiltInPresets
{
    public static IReadOnlyList<ChatPreset> All { get; } =
    [
        new("Concise assistant", "Answer in as few words as a correct answer needs. No preamble, no summary at the end.", IsBuiltIn: true),
        new(
            "Code reviewer",
            "You review code. Point out bugs first, then risks (security, concurrency, error handling), then readability. Quote the lines you mean and suggest a fix for each.",
            IsBuiltIn: true),
        new(
            "Translator",
            "Translate what the user writes: into English when it is in another language, otherwise into French. Reply with the translation only.",
            IsBuiltIn: true),
    ];
}
