using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace ChatbotOrleans.Grains.Presets;

/// <summary>A user's presets, in a state of their own so the user's list of chats stays small.</summary>
public sealed class UserPresetsGrain(
    [PersistentState("presets", StorageNames.Chat)] IPersistentState<UserPresetsState> state,
    IChatModels models,
    IOptions<ConversationOptions> options)
    : Grain, IUserPresetsGrain
{
    [ReadOnly]
    public Task<IReadOnlyList<ChatPreset>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ChatPreset>>([.. BuiltInPresets.All, .. state.State.Presets]);

    public async Task<ChangeResult> SaveAsync(ChatPreset preset)
    {
        var (presets, error) = PresetRules.Save(state.State.Presets, preset, models, options.Value.MaxInstructionsLength);
        if (presets is null)
        {
            return ChangeResult.Refused(error);
        }

        state.State.Presets = presets;
        await state.WriteStateAsync();
        return ChangeResult.Done;
    }

    public async Task<ChangeResult> DeleteAsync(string name)
    {
        if (state.State.Presets.RemoveAll(p => p.Name == name) == 0)
        {
            return ChangeResult.Refused($"You have no preset named “{name}”.");
        }

        await state.WriteStateAsync();
        return ChangeResult.Done;
    }

    [ReadOnly]
    public Task<IReadOnlyList<ChatPreset>> ExportAsync() => Task.FromResult<IReadOnlyList<ChatPreset>>([.. state.State.Presets]);

    public async Task ClearAsync()
    {
        state.State.Presets = [];
        await state.ClearStateAsync();
    }
}
