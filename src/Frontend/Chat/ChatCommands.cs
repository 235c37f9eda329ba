using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// What the user does on the chat page, one method for each control. A call's answer confirms what it did; everything
/// else the page shows arrives on its streams. A refusal becomes a sentence: returned to the control that asked, or
/// kept as the page's <see cref="Notice"/>.
/// </summary>
/// <remarks>Not thread-safe: its page calls it from the circuit's dispatcher.</remarks>
internal sealed class ChatCommands(
    ChatClient chats,
    ChatFeed feed,
    ConversationView view,
    ReplyWatch replyWatch,
    ChatChoices choices,
    NavigationManager navigation,
    TimeProvider time)
{
    private const string Unreachable = "The chat service is unreachable. Please reload the page in a moment.";
    private const string NoneOpen = "No conversation is open.";

    /// <summary>Why the last command that reports on the page failed; null once one succeeds or another chat opens.</summary>
    public string? Notice { get; private set; }

    /// <summary>Whether a chat is being started; the controls that start one wait for it.</summary>
    public bool IsStarting { get; private set; }

    /// <summary>Whether a stop is under way; its button waits for it.</summary>
    public bool IsStopping { get; private set; }

    /// <summary>The page opened another chat: a failure in the one it left is no longer news.</summary>
    public void ForgetNotice() => Notice = null;

    public async Task NewChatAsync()
    {
        if (await EmptyOrNewChatAsync() is { } chat)
        {
            navigation.NavigateTo(ConversationOpener.Href(chat.Id));
        }
    }

    // The empty chat (or a new one) takes the preset's setup, then opens; the open one reloads to show it.
    public async Task StartFromPresetAsync(ChatPreset preset)
    {
        if (await EmptyOrNewChatAsync() is not { } chat)
        {
            return;
        }

        Notice = await choices.ConfigureAsync(chat.Id, choices.SetupOf(preset));
        if (chat.Id == view.ConversationId)
        {
            await feed.ReloadAsync();
        }
        else
        {
            navigation.NavigateTo(ConversationOpener.Href(chat.Id));
        }
    }

    public async Task DeletePresetAsync(ChatPreset preset) => Notice = await choices.DeletePresetAsync(preset);

    /// <returns>Null when stored, else why not.</returns>
    public async Task<string?> SendAsync(SendMessage message) =>
        view.ConversationId is { } open ? await ConfirmAsync(open, await chats.SendAsync(open, message), "The message was not sent.") : NoneOpen;

    /// <returns>Null when stored, else why not.</returns>
    public async Task<string?> EditAsync(ChatMessage original, string text)
    {
        var edit = new EditMessage(original.Id, MessageId.New(), text, original.Sequence);
        return view.ConversationId is { } open ? await ConfirmAsync(open, await chats.EditAsync(open, edit), "The message was not changed.") : NoneOpen;
    }

    /// <summary>Shows another version of a message; the path shown changes with it, so the view reloads.</summary>
    public async Task SelectVersionAsync(long sequence)
    {
        if (view.ConversationId is { } open)
        {
            Notice = ErrorOf(await chats.SelectVersionAsync(open, sequence), "That version could not be shown.");
            await feed.ReloadAsync();
        }
    }

    public async Task RetryAsync(ChatMessage failedReply)
    {
        if (failedReply.ReplyTo is { } userMessage && view.ConversationId is { } open)
        {
            var result = await chats.RetryAsync(open, userMessage);
            replyWatch.Heard(time.GetUtcNow());
            Notice = ErrorOf(result, "The reply could not be retried.");
        }
    }

    public async Task RegenerateAsync()
    {
        if (view.ConversationId is { } open)
        {
            var result = await chats.RegenerateAsync(open);
            Notice = ErrorOf(result, "A new reply could not be asked for.");

            // The new version takes the old one's place: the path shown ends before it now.
            if (result.Succeeded)
            {
                await feed.ReloadAsync();
            }
        }
    }

    public async Task StopAsync()
    {
        if (view.ConversationId is { } open)
        {
            IsStopping = true;
            var result = await chats.StopAsync(open);
            IsStopping = false;
            Notice = ErrorOf(result, null);
        }
    }

    /// <summary>Applies a setup to the open chat and shows it at once, so that the next change starts from it even if its event is lost.</summary>
    /// <returns>Null when saved, else why not.</returns>
    public async Task<string?> ConfigureAsync(ConversationSetup setup)
    {
        if (view.ConversationId is not { } open)
        {
            return NoneOpen;
        }

        var error = await choices.ConfigureAsync(open, setup);
        if (error is null && open == view.ConversationId)
        {
            view.ConfirmSettings(choices.SettingsOf(setup, view.Settings));
        }

        return error;
    }

    // The new title reaches the sidebar and the header on the user's and the conversation's streams.
    public async Task<string?> RenameAsync(ConversationId conversation, string title) =>
        ErrorOf(await chats.RenameAsync(conversation, title), null);

    /// <summary>Deletes a chat; leaving the open one goes to the newest chat left (or a new one).</summary>
    /// <returns>Null when deleted, else why not.</returns>
    public async Task<string?> DeleteAsync(ConversationId conversation)
    {
        var result = await chats.DeleteAsync(conversation);
        if (result.Succeeded && conversation == view.ConversationId)
        {
            navigation.NavigateTo("/", replace: true);
        }

        return ErrorOf(result, null);
    }

    // "New chat" twice opens the same empty chat instead of leaving empty ones behind.
    private async Task<ConversationSummary?> EmptyOrNewChatAsync()
    {
        if (feed.Conversations.FirstOrDefault(c => c.IsEmpty) is { } empty)
        {
            return empty;
        }

        IsStarting = true;
        var started = await chats.StartConversationAsync();
        IsStarting = false;
        if (started.IsUnavailable)
        {
            Notice = Unreachable;
            return null;
        }

        if (started.Value.Conversation is not { } conversation)
        {
            Notice = started.Value.Error;
            return null;
        }

        feed.Confirm(conversation);
        return conversation;
    }

    // The message the call stored is shown at once, whether or not its stream event has come; one that does not
    // continue what is shown (an edit's fork) makes the view reload.
    private async Task<string?> ConfirmAsync(ConversationId open, ChangeResult result, string refused)
    {
        replyWatch.Heard(time.GetUtcNow());
        if (result.Message is { } stored)
        {
            if (view.Confirm(stored) == ViewUpdate.ReloadNeeded)
            {
                await feed.ReloadAsync();
            }

            if (stored.ParentSequence == 0)
            {
                await feed.ConfirmFirstMessageAsync(open);
            }
        }

        return ErrorOf(result, refused);
    }

    private static string? ErrorOf(ChangeResult result, string? refused) => result.Succeeded ? null : result.Error ?? refused;
}
