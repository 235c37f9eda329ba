using ChatbotOrleans.Grains.Abstractions;
using ConversationKey = ChatbotOrleans.Grains.Abstractions.ConversationId;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// What the user does on the page: each answers with a sentence the page shows, or nothing. A call's
/// answer confirms what it did; everything else the page shows arrives on its streams.
/// </summary>
public sealed partial class Chat
{
    private async Task NewChatAsync()
    {
        if (await EmptyOrNewChatAsync() is { } chat)
        {
            Navigation.NavigateTo(ConversationOpener.Href(chat.Id));
        }
    }

    // "New chat" twice opens the same empty chat instead of leaving empty ones behind.
    private async Task<ConversationSummary?> EmptyOrNewChatAsync()
    {
        if (Feed.Conversations.FirstOrDefault(c => c.IsEmpty) is { } empty)
        {
            return empty;
        }

        _starting = true;
        var started = await Chats.StartConversationAsync();
        _starting = false;
        if (started.IsUnavailable)
        {
            _notice = Unreachable;
            return null;
        }

        if (started.Value.Conversation is not { } conversation)
        {
            _notice = started.Value.Error;
            return null;
        }

        Feed.Confirm(conversation);
        return conversation;
    }

    private async Task<string?> SendAsync(SendMessage message)
    {
        if (_view.ConversationId is not { } open)
        {
            return "No conversation is open.";
        }

        var result = await Chats.SendAsync(open, message);
        _replyWatch.Heard(Time.GetUtcNow());
        if (result.Message is { } stored && _view.Confirm(stored) == ViewUpdate.ReloadNeeded)
        {
            await Feed.ReloadAsync();
        }

        return result.Succeeded ? null : result.Error ?? "The message was not sent.";
    }

    private async Task<string?> EditAsync(ChatMessage original, string text)
    {
        if (_view.ConversationId is not { } open)
        {
            return "No conversation is open.";
        }

        var result = await Chats.EditAsync(open, new EditMessage(original.Id, MessageId.New(), text, original.Sequence));
        _replyWatch.Heard(Time.GetUtcNow());
        if (result.Message is { } stored && _view.Confirm(stored) == ViewUpdate.ReloadNeeded)
        {
            await Feed.ReloadAsync();
        }

        return result.Succeeded ? null : result.Error ?? "The message was not changed.";
    }

    private async Task SelectVersionAsync(long sequence)
    {
        if (_view.ConversationId is { } open)
        {
            var result = await Chats.SelectVersionAsync(open, sequence);
            _notice = result.Succeeded ? null : result.Error ?? "That version could not be shown.";
            await Feed.ReloadAsync();
        }
    }

    private async Task RetryAsync(ChatMessage failedReply)
    {
        if (failedReply.ReplyTo is { } userMessage && _view.ConversationId is { } open)
        {
            var result = await Chats.RetryAsync(open, userMessage);
            _replyWatch.Heard(Time.GetUtcNow());
            _notice = result.Succeeded ? null : result.Error ?? "The reply could not be retried.";
        }
    }

    private async Task RegenerateAsync()
    {
        if (_view.ConversationId is { } open)
        {
            var result = await Chats.RegenerateAsync(open);
            _notice = result.Succeeded ? null : result.Error ?? "A new reply could not be asked for.";

            // The new version takes the old one's place: the path shown ends before it now.
            if (result.Succeeded)
            {
                await Feed.ReloadAsync();
            }
        }
    }

    private async Task StopAsync()
    {
        if (_view.ConversationId is not { } open)
        {
            return;
        }

        _stopping = true;
        var result = await Chats.StopAsync(open);
        _stopping = false;
        _notice = result.Succeeded ? null : result.Error;
    }

    // The new title reaches the sidebar and the header on the user's and the conversation's streams.
    private async Task<string?> RenameAsync(ConversationKey conversation, string title) =>
        (await Chats.RenameAsync(conversation, title)) is { Succeeded: false } failed ? failed.Error : null;

    private async Task<string?> DeleteAsync(ConversationKey conversation)
    {
        var result = await Chats.DeleteAsync(conversation);
        if (!result.Succeeded)
        {
            return result.Error;
        }

        if (conversation == _view.ConversationId)
        {
            Navigation.NavigateTo("/", replace: true);
        }

        return null;
    }
}
