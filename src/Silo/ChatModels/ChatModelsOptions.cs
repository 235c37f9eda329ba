namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>
/// The models offered beside (or instead of) the one of the "OpenAI" section, section "Models". Each is keyed
/// by its id, so its key comes from <c>Models__Catalog__&lt;id&gt;__ApiKey</c> or a Swarm secret of that name.
/// </summary>
internal sealed class ChatModelsOptions
{
    public const string SectionName = "Models";

    /// <summary>The id of the model conversations use until they choose; empty means the first offered.</summary>
    public string? Default { get; set; }

    public Dictionary<string, ChatModelEntryOptions> Catalog { get; set; } = new(StringComparer.Ordinal);
}
