using ChatbotOrleans.Frontend.Chat;
using Microsoft.AspNetCore.Components;
using ConversationKey = ChatbotOrleans.Grains.Abstractions.ConversationId;

namespace ChatbotOrleans.Frontend.Components.Pages.Chat;

/// <summary>
/// The chat page: the sidebar of the user's chats and the open conversation. Holds view state only;
/// <see cref="ConversationSession"/> does the grain calls and the stream subscriptions, and hands stream
/// events back through <see cref="ComponentBase.InvokeAsync(Func{Task})"/>.
/// </summary>
public sealed partial class Chat
{
    private const string Unreachable = "The chat service is unreachable. Please reload the page in a moment.";
    private static readonly TimeSpan ClockTick = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _disposed = new();
    private bool _attached;
    private bool _starting;
    private bool _stopping;
    private bool _sidebarOpen;
    private string? _notice;
    private ConversationKey? _opened;
    private DateTimeOffset _now;

    /// <summary>The conversation in the address; absent on <c>/</c>, which opens the newest.</summary>
    [Parameter]
    public Guid? ConversationId { get; set; }

    [Inject]
    private ConversationSession Session { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private bool IsInteractive => RendererInfo.IsInteractive;

    // The user's list follows titles live (the first message names a chat); the snapshot's title until it has it.
    private string? Title =>
        Session.Conversations.FirstOrDefault(c => c.Id == Session.View.ConversationId)?.Title is { Length: > 0 } listed
            ? listed
            : Session.View.Title is { Length: > 0 } loaded ? loaded : null;

    private string TitleText => Title ?? "New chat";

    private string PageTitle => Title is { } title ? $"{title} · Chatbot" : "Chat · Chatbot";

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        _disposed.Dispose();
        await Session.DetachAsync(this);
    }

    protected override void OnInitialized()
    {
        _now = Time.GetUtcNow();
        if (IsInteractive)
        {
            _ = TickAsync();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        // Prerendering shows the frame only: no grain calls or subscriptions in a request that is about to end.
        if (!IsInteractive)
        {
            return;
        }

        _sidebarOpen = false;
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

    protected override void OnAfterRender(bool firstRender)
    {
        // Deleted here or in another tab: go to the newest chat left (or a new one).
        if (Session.View.IsDeleted && _opened is not null)
        {
            _opened = null;
            Navigation.NavigateTo("/", replace: true);
        }
    }

    private async Task OpenRequestedAsync()
    {
        if (!_attached)
        {
            _attached = true;
            Session.Attach(this, RenderAfterAsync, DispatchExceptionAsync);
            await Session.RefreshConversationsAsync();
        }

        if (ConversationId is not { } requested)
        {
            _opened = null;
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

    // One clock for the page, so "2 minutes ago" moves on without a reload.
    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(ClockTick, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(_disposed.Token))
            {
                await InvokeAsync(() =>
                {
                    _now = Time.GetUtcNow();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page is gone.
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
            _now = Time.GetUtcNow();
            StateHasChanged();
        }
    });

    private void ToggleSidebar() => _sidebarOpen = !_sidebarOpen;

    private void CloseSidebar() => _sidebarOpen = false;

    private static string Href(ConversationKey conversation) => $"/c/{conversation}";
}
