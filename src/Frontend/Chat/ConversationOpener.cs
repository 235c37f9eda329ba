using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// Opens the conversation the page's address names, or on <c>/</c> the user's newest, once the user's list is followed
/// and the models and presets are read; and leaves a conversation deleted while it is shown.
/// </summary>
/// <remarks>
/// It calls <c>switched</c> when another conversation opens, so that the page forgets its notice. Not thread-safe:
/// its page calls it from the circuit's dispatcher.
/// </remarks>
internal sealed class ConversationOpener(
    ChatClient chats,
    ChatFeed feed,
    ConversationView view,
    ChatChoices choices,
    NavigationManager navigation,
    Action switched)
{
    private ConversationId? _opened;

    /// <summary>The address of a conversation.</summary>
    public static string Href(ConversationId conversation) => $"/c/{conversation}";

    /// <param name="requested">The conversation in the address; none on <c>/</c>, which opens the newest (started if there is none).</param>
    /// <param name="message">The message to open it at (a search hit), by sequence.</param>
    /// <returns>False when the cluster did not answer.</returns>
    public async Task<bool> OpenAsync(Guid? requested, long? message)
    {
        if (!feed.FollowsList && !await feed.FollowListAsync())
        {
            return false;
        }

        if (choices.Models.Count == 0 && !await choices.LoadAsync())
        {
            return false;
        }

        if (requested is not { } id)
        {
            _opened = null;
            var newest = await chats.FindOrStartNewestAsync();
            if (newest.IsUnavailable)
            {
                return false;
            }

            feed.Confirm(newest.Value);
            navigation.NavigateTo(Href(newest.Value.Id), replace: true);
            return true;
        }

        var conversation = new ConversationId(id);

        // A search hit on an earlier version opens that version: switched before the page shows it (an open page reloads on the event).
        if (message is { } hit)
        {
            await chats.SelectVersionAsync(conversation, hit);
        }

        if (_opened == conversation)
        {
            // Its stream ends with a reconnect: follow it again and reload, keeping what the reader has paged in.
            return feed.FollowsConversation || await feed.SubscribeAndLoadAsync(conversation);
        }

        _opened = conversation;
        switched();
        if (await feed.OpenAsync(conversation))
        {
            return true;
        }

        _opened = null; // so that the next attempt opens it again
        return false;
    }

    /// <summary>Deleted here or in another tab: goes to the newest chat left (or a new one).</summary>
    public void LeaveIfDeleted()
    {
        if (view.IsDeleted && _opened is not null)
        {
            _opened = null;
            navigation.NavigateTo("/", replace: true);
        }
    }
}
