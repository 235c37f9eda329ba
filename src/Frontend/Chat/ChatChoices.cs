using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// What the page offers to choose from (models, presets) and the open chat's choice. The grains decide; this
/// keeps their answers and turns refusals into the sentence the page shows.
/// </summary>
internal sealed class ChatChoices(ChatClient chats)
{
    public IReadOnlyList<ChatModelInfo> Models { get; private set; } = [];

    public IReadOnlyList<ChatPreset> Presets { get; private set; } = [];

    /// <returns>False when the cluster did not answer.</returns>
    public async Task<bool> LoadAsync()
    {
        var models = await chats.ListModelsAsync();
        var presets = await chats.ListPresetsAsync();
        Models = models.IsUnavailable ? Models : models.Value;
        Presets = presets.IsUnavailable ? Presets : presets.Value;
        return !models.IsUnavailable && !presets.IsUnavailable;
    }

    /// <summary>What the page shows for the model that wrote a reply: its display name, or its id once it is no longer offered.</summary>
    public string? DisplayName(string? modelId) =>
        modelId is null ? null : Models.FirstOrDefault(m => m.Id == modelId)?.DisplayName ?? modelId;

    /// <summary>A preset's model when it is still offered, else the default (a preset outlives a model the operator removed).</summary>
    public ConversationSetup SetupOf(ChatPreset preset) =>
        new(Models.Any(m => m.Id == preset.ModelId) ? preset.ModelId : null, preset.Instructions);

    /// <returns>Null when done, else why not.</returns>
    public async Task<string?> ConfigureAsync(ConversationId conversation, ConversationSetup setup) =>
        await chats.ConfigureAsync(conversation, setup) is { Succeeded: false } result
            ? result.Error ?? "The chat's settings were not saved."
            : null;

    /// <summary>The settings a stored <paramref name="setup"/> gives, as the grain describes them (no note: a model just chosen is offered).</summary>
    public ConversationSettings SettingsOf(ConversationSetup setup, ConversationSettings? current) =>
        new(setup.ModelId ?? Models.FirstOrDefault(m => m.IsDefault)?.Id ?? current?.ModelId ?? "", setup.Instructions.ReplaceLineEndings("\n").Trim());

    /// <returns>Null when saved, else why not.</returns>
    public Task<string?> SavePresetAsync(ChatPreset preset) => ChangePresetsAsync(chats.SavePresetAsync(preset));

    /// <returns>Null when deleted, else why not.</returns>
    public Task<string?> DeletePresetAsync(ChatPreset preset) => ChangePresetsAsync(chats.DeletePresetAsync(preset.Name));

    private async Task<string?> ChangePresetsAsync(Task<ChangeResult> change)
    {
        var result = await change;
        if (!result.Succeeded)
        {
            return result.Error ?? "The presets were not changed.";
        }

        await LoadAsync();
        return null;
    }
}
