using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using ConversationKey = ChatbotOrleans.Grains.Abstractions.ConversationId;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// The chat page: the sidebar of the user's chats and the open conversation. It owns what it shows (a
/// <see cref="ConversationView"/> and the list) and its subscriptions (a <see cref="ChatFeed"/>, which a <see cref="FeedKeeper"/>
/// keeps open); <see cref="ChatClient"/> only makes the calls. Stream events arrive on Orleans' threads and reach the view
/// through <see cref="ComponentBase.InvokeAsync(Func{Task})"/>.
/// </summary>
public sealed partial class Chat
{
    private const string Unreachable = "The chat service is unreachable. Please reload the page in a moment.";

    private readonly ConversationView _view = new();
    private ReplyWatch _replyWatch = null!;
    // Set in OnInitialized; a page can be disposed before that, so disposal checks for it.
    private FeedKeeper _keeper = null!;
    private bool _starting;
    private bool _stopping;
    private bool _sidebarOpen;
    private string? _notice;
    private ConversationKey? _opened;

    /// <summary>The conversation in the address; absent on <c>/</c>, which opens the newest.</summary>
    [Parameter]
    public Guid? ConversationId { get; set; }

    /// <summary>The message to open the conversation at (<c>?m=</c>, a search hit), by sequence.</summary>
    [SupplyParameterFromQuery(Name = "m")]
    public long? Message { get; set; }

    [Inject]
    private ChatClient Chats { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IOptions<ChatPageOptions> Options { get; set; } = default!;

    private bool IsInteractive => RendererInfo.IsInteractive;

    // The user's list follows titles live (the first message names a chat); the snapshot's title until it has it.
    private string? Title =>
        Feed.Conversations.FirstOrDefault(c => c.Id == _view.ConversationId)?.Title is { Length: > 0 } listed
            ? listed
            : _view.Title is { Length: > 0 } loaded ? loaded : null;

    private string TitleText => Title ?? "New chat";

    private string PageTitle => Title is { } title ? $"{title} · Chatbot" : "Chat · Chatbot";

    private ChatFeed Feed => _keeper.Feed;

    public async ValueTask DisposeAsync()
    {
        if (_keeper is not null)
        {
            await _keeper.DisposeAsync();
        }
    }

    protected override void OnInitialized()
    {
        _replyWatch = new ReplyWatch(Options.Value.ReplyQuietLimit);
        _keeper = new FeedKeeper(Chats, _view, _replyWatch, Time, OpenRequestedAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        if (IsInteractive)
        {
            _keeper.StartClock();
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
        await _keeper.OpenAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Deleted here or in another tab: go to the newest chat left (or a new one).
        if (_view.IsDeleted && _opened is not null)
        {
            _opened = null;
            Navigation.NavigateTo("/", replace: true);
        }
    }

    /// <returns>False when the cluster did not answer.</returns>
    private async Task<bool> OpenRequestedAsync()
    {
        if (!Feed.FollowsList && !await Feed.FollowListAsync())
        {
            return false;
        }

        if (Choices.Models.Count == 0 && !await Choices.LoadAsync())
        {
            return false;
        }

        if (ConversationId is not { } requested)
        {
            _opened = null;
            var newest = await Chats.FindOrStartNewestAsync();
            if (newest.IsUnavailable)
            {
                return false;
            }

            Feed.Confirm(newest.Value);
            Navigation.NavigateTo(Href(newest.Value.Id), replace: true);
            return true;
        }

        var conversation = new ConversationKey(requested);

        // A search hit on an earlier version opens that version: switched before the page shows it (an open page reloads on the event).
        if (Message is { } hit)
        {
            await Chats.SelectVersionAsync(conversation, hit);
        }

        if (_opened == conversation)
        {
            // Its stream ends with a reconnect: follow it again and reload, keeping what the reader has paged in.
            return Feed.FollowsConversation || await Feed.SubscribeAndLoadAsync(conversation);
        }

        _opened = conversation;
        _notice = null;
        if (await Feed.OpenAsync(conversation))
        {
            return true;
        }

        _opened = null; // so that the next attempt opens it again
        return false;
    }

    private async Task<IReadOnlyList<ChatMessage>?> ReadOlderAsync(long beforeSequence, int maxCount) =>
        _view.ConversationId is { } open && await Chats.GetHistoryAsync(open, beforeSequence, maxCount) is { IsUnavailable: false } read
            ? read.Value : null;

    private async Task<IReadOnlyList<ChatMessage>?> ReadNewerAsync(long afterSequence, int maxCount) =>
        _view.ConversationId is { } open && await Chats.GetHistoryAfterAsync(open, afterSequence, maxCount) is { IsUnavailable: false } read
            ? read.Value : null;

    private async Task<SearchResult?> SearchAsync(string query) =>
        await Chats.SearchAsync(query) is { IsUnavailable: false } answer ? answer.Value : null;

    private void ToggleSidebar() => _sidebarOpen = !_sidebarOpen;

    private void CloseSidebar() => _sidebarOpen = false;

    private static string Href(ConversationKey conversation) => $"/c/{conversation}";
}
