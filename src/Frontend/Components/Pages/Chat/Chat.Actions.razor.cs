using ChatbotOrleans.Grains.Abstractions;
using ConversationKey = ChatbotOrleans.Grains.Abstractions.ConversationId;

namespace ChatbotOrleans.Frontend.Components.Pages.Chat;

/// <summary>What the user does on the page: each answers with a sentence the page shows, or nothing.</summary>
public sealed partial class Chat
{
    private async Task NewChatAsync()
    {
        _starting = true;
        try
        {
            Navigation.NavigateTo(Href(await Session.StartConversationAsync()));
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            _notice = Unreachable;
        }
        finally
        {
            _starting = false;
        }
    }

    private async Task<string?> SendAsync(SendMessage message)
    {
        var result = await Session.SendAsync(message);
        _now = Time.GetUtcNow();
        return result.Succeeded ? null : result.Error ?? "The message was not sent.";
    }

    private async Task RetryAsync(ChatMessage failedReply)
    {
        if (failedReply.ReplyTo is not { } userMessage)
        {
            return;
        }

        var result = await Session.RetryAsync(userMessage);
        _notice = result.Succeeded ? null : result.Error ?? "The reply could not be retried.";
    }

    private async Task RegenerateAsync()
    {
        var result = await Session.RegenerateAsync();
        _notice = result.Succeeded ? null : result.Error ?? "A new reply could not be asked for.";
    }

    private async Task StopAsync()
    {
        _stopping = true;
        try
        {
            var result = await Session.StopAsync();
            _notice = result.Succeeded ? null : result.Error;
        }
        finally
        {
            _stopping = false;
        }
    }

    private async Task<string?> RenameAsync(ConversationKey conversation, string title)
    {
        var result = await Session.RenameAsync(conversation, title);
        return result.Succeeded ? null : result.Error;
    }

    private async Task<string?> DeleteAsync(ConversationKey conversation)
    {
        var result = await Session.DeleteAsync(conversation);
        if (!result.Succeeded)
        {
            return result.Error;
        }

        if (conversation == Session.View.ConversationId)
        {
            Navigation.NavigateTo("/", replace: true);
        }

        return null;
    }
}
