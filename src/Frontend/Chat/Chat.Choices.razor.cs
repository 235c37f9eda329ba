using ChatbotOrleans.Grains.Abstractions;
using ConversationKey = ChatbotOrleans.Grains.Abstractions.ConversationId;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>The chat's model and instructions, and chats started from presets; <see cref="ChatChoices"/> holds what the grains answered.</summary>
public sealed partial class Chat
{
    private ChatChoices? _choices;

    private ChatChoices Choices => _choices ??= new ChatChoices(Chats);

    // The settings and the presets menu are the page's to render: a child's call changes them, so the page renders again.
    private async Task<string?> ConfigureAsync(ConversationSetup setup) =>
        Rendered(_view.ConversationId is { } open ? await ConfigureOpenAsync(open, setup) : "No conversation is open.");

    // Shown at once rather than on the grain's SettingsChanged, so that the next change starts from this one even if that event is lost.
    private async Task<string?> ConfigureOpenAsync(ConversationKey open, ConversationSetup setup)
    {
        var error = await Choices.ConfigureAsync(open, setup);
        if (error is null && open == _view.ConversationId)
        {
            _view.ConfirmSettings(Choices.SettingsOf(setup, _view.Settings));
        }

        return error;
    }

    private async Task<string?> SavePresetAsync(ChatPreset preset) => Rendered(await Choices.SavePresetAsync(preset));

    private string? Rendered(string? error)
    {
        StateHasChanged();
        return error;
    }

    private async Task DeletePresetAsync(ChatPreset preset) => _notice = await Choices.DeletePresetAsync(preset);

    // The empty chat (or a new one) takes the preset's setup, then opens; the open one reloads to show it.
    private async Task StartFromPresetAsync(ChatPreset preset)
    {
        if (await EmptyOrNewChatAsync() is not { } chat)
        {
            return;
        }

        _notice = await Choices.ConfigureAsync(chat.Id, Choices.SetupOf(preset));
        if (chat.Id == _view.ConversationId)
        {
            await Feed.ReloadAsync();
        }
        else
        {
            Navigation.NavigateTo(ConversationOpener.Href(chat.Id));
        }
    }
}
