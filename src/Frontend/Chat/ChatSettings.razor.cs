using System.Globalization;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>The open chat's model picker and instructions, and saving them as a preset. The grains check every change.</summary>
public sealed partial class ChatSettings
{
    // Shown in the counter only; the grain holds the limit and says it in its refusal.
    private const int MaxInstructions = 4_000;
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private bool _open;
    private bool _busy;
    private bool _failed;
    private string? _message;
    private string _draft = "";
    private string _presetName = "";
    private ConversationSettings? _shown;

    [Parameter, EditorRequired]
    public IReadOnlyList<ChatModelInfo> Models { get; set; } = [];

    [Parameter]
    public ConversationSettings? Settings { get; set; }

    [Parameter]
    public bool Enabled { get; set; }

    /// <summary>Applies a setup to the open chat; answers null when done, else why not.</summary>
    [Parameter, EditorRequired]
    public Func<ConversationSetup, Task<string?>> Configure { get; set; } = default!;

    /// <summary>Saves a preset; answers null when done, else why not.</summary>
    [Parameter, EditorRequired]
    public Func<ChatPreset, Task<string?>> SavePreset { get; set; } = default!;

    private bool HasInstructions => Settings?.Instructions.Length > 0;

    protected override void OnParametersSet()
    {
        // The settings loaded or changed, here or in another tab (the page keys this component by chat, so another
        // chat starts afresh). A draft being typed stays: only one that still shows the old instructions follows.
        if (Settings != _shown)
        {
            _draft = _draft == (_shown?.Instructions ?? "") ? Settings?.Instructions ?? "" : _draft;
            _shown = Settings;
        }
    }

    private void Toggle() => _open = !_open;

    private Task ChooseModelAsync(ChangeEventArgs change) =>
        RunAsync(Configure(new ConversationSetup(change.Value as string, Settings?.Instructions ?? "")), "Model changed for the next replies.");

    private Task SaveInstructionsAsync() =>
        RunAsync(Configure(new ConversationSetup(Settings?.ModelId, _draft)), "Instructions saved.");

    private Task SavePresetAsync() =>
        RunAsync(SavePreset(new ChatPreset(_presetName, _draft, Settings?.ModelId)), $"Preset “{_presetName.Trim()}” saved.");

    private async Task RunAsync(Task<string?> change, string done)
    {
        _busy = true;
        var error = await change;
        _busy = false;
        (_failed, _message) = (error is not null, error ?? done);
    }
}
