namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>Everything stored about one user, for them to take away.</summary>
/// <param name="Profile">The account's facts.</param>
/// <param name="Conversations">Every conversation, newest first, each with all its messages.</param>
/// <param name="ExportedAt">When the export was made.</param>
/// <param name="Presets">The user's own presets.</param>
/// <param name="Usage">What each of the user's replies cost, oldest first.</param>
[GenerateSerializer, Immutable, Alias("AccountExport")]
public sealed record AccountExport(
    [property: Id(0)] UserProfile Profile,
    [property: Id(1)] IReadOnlyList<ExportedConversation> Conversations,
    [property: Id(2)] DateTimeOffset ExportedAt,
    [property: Id(3)] IReadOnlyList<ChatPreset>? Presets = null,
    [property: Id(4)] IReadOnlyList<ExportedUsage>? Usage = null);
