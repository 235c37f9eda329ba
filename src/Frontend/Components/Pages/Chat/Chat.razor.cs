using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;
using ConversationKey = ChatbotOrleans.Grains.Abstractions.ConversationId;

namespace ChatbotOrleans.Frontend.Components.Pages.Chat;

/// <summary>
/// The chat page. Holds view state only; <see cref="ConversationSession"/> does the grain calls and
/// the stream subscription, and hands stream events back through <see cref="ComponentBase.InvokeAsync(Func{Task})"/>.
/// </summary>
public sealed partial class Chat
{
    private const string Unreachable = "The chat service is unreachable. Please reload the page in a moment.";

    private bool _attached;
    private bool _starting;
    private string? _notice;
    private ConversationKey? _opened;

    /// <summary>The conversation in the address; absent on <c>/</c>, which opens the newest.</summary>
    [Parameter]
    public Guid? ConversationId { get; set; }

    [Inject]
    private ConversationSession Session { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private bool IsInteractive => RendererInfo.IsInteractive;

    private string PageTitle => Session.View.Title is { Length: > 0 } title ? $"{title} · Chatbot" : "Chat · Chatbot";

    public async ValueTask DisposeAsync() => await Session.DetachAsync();

    protected override async Task OnParametersSetAsync()
    {
        // Prerendering shows the frame only: no grain calls or subscriptions in a request that is about to end.
        if (!IsInteractive)
        {
            return;
        }

        if (!Session.IsClusterConnected)
        {
            _notice = Unreachable;
            return;
        }

        try
        {
            await OpenRequestedAsync();
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            _notice = Unreachable;
        }
    }

    private async Task OpenRequestedAsync()
    {
        if (!_attached)
        {
            _attached = true;
            Session.Attach(RenderAfterAsync, DispatchExceptionAsync);
            await Session.RefreshConversationsAsync();
        }

        if (ConversationId is not { } requested)
        {
            Navigation.NavigateTo(Href(await Session.FindOrStartNewestAsync()), replace: true);
            return;
        }

        var conversation = new ConversationKey(requested);
        if (_opened != conversation)
        {
            _opened = conversation;
            _notice = null;
            await Session.OpenAsync(conversation);
        }
    }

    private Task RenderAfterAsync(Func<Task> work) => InvokeAsync(async () =>
    {
        try
        {
            await work();
        }
        finally
        {
            StateHasChanged();
        }
    });

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

    private static string Href(ConversationKey conversation) => $"/c/{conversation}";
}
