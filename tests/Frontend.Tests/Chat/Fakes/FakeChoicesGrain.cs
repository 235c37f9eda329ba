using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Tests.Chat.Fakes;

/// <summary>The models offered and the user's presets, both answered from lists a test fills.</summary>
internal sealed class FakeChoicesGrain : IChatModelsGrain, IUserPresetsGrain
{
    public List<ChatModelInfo> Models { get; } = [new("offline", "Offline bot", IsDefault: true, IsOffline: true)];

    public List<ChatPreset> Presets { get; } = [];

    /// <summary>What saving or deleting a preset answers.</summary>
    public ChangeResult Answer { get; set; } = ChangeResult.Done;

    Task<IReadOnlyList<ChatModelInfo>> IChatModelsGrain.ListAsync() => Task.FromResult<IReadOnlyList<ChatModelInfo>>([.. Models]);

    Task<IReadOnlyList<ChatPreset>> IUserPresetsGrain.ListAsync() => Task.FromResult<IReadOnlyList<ChatPreset>>([.. Presets]);

    public Task<ChangeResult> SaveAsync(ChatPreset preset) => Task.FromResult(Answer);

    public Task<ChangeResult> DeleteAsync(string name)
    {
        if (Answer.Succeeded)
        {
            Presets.RemoveAll(p => p.Name == name);
        }

        return Task.FromResult(Answer);
    }

    public Task<IReadOnlyList<ChatPreset>> ExportAsync() => throw new NotSupportedException();

    public Task ClearAsync() => throw new NotSupportedException();
}
