using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// The chat page: the sidebar of the user's chats and the open conversation. It owns what it shows (a
/// <see cref="ConversationView"/> and the list) and its subscriptions (a <see cref="ChatFeed"/>, which a
/// <see cref="FeedKeeper"/> keeps open); <see cref="ChatCommands"/> runs what the user does, and <see cref="ChatClient"/>
/// only makes the calls.
/// </summary>
public sealed partial class Chat
{
    private readonly ConversationView _view = new();
    // Set in OnInitialized; a page can be disposed before that, so disposal checks for it.
    private FeedKeeper _keeper = null!;
    private ConversationOpener _opener = null!;
    private ChatCommands _commands = null!;
    private ChatChoices _choices = null!;
    private bool _sidebarOpen;

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

    private ChatFeed Feed => _keeper.Feed;

    // The user's list follows titles live (the first message names a chat); the snapshot's title until it has it.
    private string? Title =>
        Feed.Conversations.FirstOrDefault(c => c.Id == _view.ConversationId)?.Title is { Length: > 0 } listed
            ? listed
            : _view.Title is { Length: > 0 } loaded ? loaded : null;

    private string PageTitle => Title is { } title ? $"{title} · Chatbot" : "Chat · Chatbot";

    public async ValueTask DisposeAsync()
    {
        if (_keeper is not null)
        {
            await _keeper.DisposeAsync();
        }
    }

    protected override void OnInitialized()
    {
        var replyWatch = new ReplyWatch(Options.Value.ReplyQuietLimit);
        _choices = new ChatChoices(Chats);
        _keeper = new FeedKeeper(Chats, _view, replyWatch, Time, () => _opener.OpenAsync(ConversationId, Message), InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        _commands = new ChatCommands(Chats, Feed, _view, replyWatch, _choices, Navigation, Time);
        _opener = new ConversationOpener(Chats, Feed, _view, _choices, Navigation, _commands.ForgetNotice);
        if (IsInteractive)
        {
            _keeper.StartClock();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        // Prerendering shows the frame only: no grain calls or subscriptions in a request that is about to end.
        if (IsInteractive)
        {
            _sidebarOpen = false;
            await _keeper.OpenAsync();
        }
    }

    protected override void OnAfterRender(bool firstRender) => _opener.LeaveIfDeleted();

    private async Task<IReadOnlyList<ChatMessage>?> ReadOlderAsync(long beforeSequence, int maxCount) =>
        _view.ConversationId is { } open && await Chats.GetHistoryAsync(open, beforeSequence, maxCount) is { IsUnavailable: false } read
            ? read.Value : null;

    private async Task<IReadOnlyList<ChatMessage>?> ReadNewerAsync(long afterSequence, int maxCount) =>
        _view.ConversationId is { } open && await Chats.GetHistoryAfterAsync(open, afterSequence, maxCount) is { IsUnavailable: false } read
            ? read.Value : null;

    private async Task<SearchResult?> SearchAsync(string query) =>
        await Chats.SearchAsync(query) is { IsUnavailable: false } answer ? answer.Value : null;

    // The settings and the presets menu are the page's to render: a child's call changes them, so the page renders again.
    private async Task<string?> RenderedAsync(Task<string?> change)
    {
        var error = await change;
        StateHasChanged();
        return error;
    }
}
