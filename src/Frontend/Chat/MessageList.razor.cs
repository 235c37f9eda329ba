using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// The conversation's messages, read back to the first: its script says when the reader nears either end of what
/// is loaded, and a page of messages is read then (<see cref="HistoryPager"/>), keeping the message being read in
/// place. Which messages are rendered is a <see cref="MessageWindow"/>'s answer.
/// </summary>
public sealed partial class MessageList : IAsyncDisposable
{
    /// <summary>How many messages are read at a time as the reader scrolls (as many as the grain's default window).</summary>
    public const int PageSize = 32;

    /// <summary>The model name of replies written by the built-in offline bot.</summary>
    public const string OfflineModel = "offline";

    private readonly MessageWindow _window = new();
    private readonly ListedRows _rows = new();
    private readonly Announcer _announcer = new();
    private HistoryPager? _pager;
    private MessagePresses? _presses;
    private HistoryScript? _script;
    private RowsScript? _rowsScript;
    private ElementReference _list;
    private bool _disposed;
    private bool _codeScript;
    private long? _lastHighlight;

    [Parameter, EditorRequired]
    public ConversationView View { get; set; } = default!;

    [Parameter]
    public bool Interactive { get; set; }

    [Parameter, EditorRequired]
    public DateTimeOffset Now { get; set; }

    [Parameter]
    public EventCallback<ChatMessage> OnRetry { get; set; }

    /// <summary>What to show for the model that wrote a reply (its display name), or null to show nothing.</summary>
    [Parameter]
    public Func<string?, string?> ModelName { get; set; } = model => model;

    [Parameter]
    public EventCallback OnRegenerate { get; set; }

    /// <summary>Stores a new version of a user message; answers an error sentence, or null when it was stored.</summary>
    [Parameter, EditorRequired]
    public Func<ChatMessage, string, Task<string?>> Edit { get; set; } = default!;

    /// <summary>Shows another version of a message, by its sequence.</summary>
    [Parameter]
    public EventCallback<long> OnSelectVersion { get; set; }

    /// <summary>Reads up to a count of messages before a sequence; <c>null</c> when the cluster did not answer.</summary>
    [Parameter, EditorRequired]
    public Func<long, int, Task<IReadOnlyList<ChatMessage>?>> LoadOlder { get; set; } = default!;

    /// <summary>Reads up to a count of messages after a sequence; <c>null</c> when the cluster did not answer.</summary>
    [Parameter, EditorRequired]
    public Func<long, int, Task<IReadOnlyList<ChatMessage>?>> LoadNewer { get; set; } = default!;

    /// <summary>The message to scroll to and highlight (a search hit), by sequence.</summary>
    [Parameter]
    public long? Highlight { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    // The parameters are read when called: the page may hand new ones to the same list.
    private HistoryPager Pager => _pager ??= new(_window, (before, count) => LoadOlder(before, count), (after, count) => LoadNewer(after, count));

    private MessagePresses Presses => _presses ??= new(
        message => OnRetry.InvokeAsync(message), () => OnRegenerate.InvokeAsync(), target => OnSelectVersion.InvokeAsync(target), (message, text) => Edit(message, text));

    private HistoryScript Script => _script ??= new(JS, $"./{Assets["Chat/MessageList.razor.js"]}");

    private RowsScript RowsOut => _rowsScript ??= new(JS);

    /// <returns>Whether a page was read (the script then holds the reader's place until it is rendered).</returns>
    [JSInvokable]
    public async Task<bool> NearTopAsync() => Read(await Pager.OlderAsync(View.Messages));

    /// <returns>Whether a page was read.</returns>
    [JSInvokable]
    public async Task<bool> NearBottomAsync() => Read(await Pager.NewerAsync(View.Messages, View.Sequence));

    /// <summary>The browser lacks the HTML of these rows' versions (it was sent while the connection was down).</summary>
    /// <returns>The rows' parts as <see cref="RowsScript"/> sends them.</returns>
    [JSInvokable]
    public string[] RowsAgain(long[] sequences) => RowsScript.Arguments(_rows.Again(sequences));

    /// <summary>The script says whether the reader is far from the newest message.</summary>
    [JSInvokable]
    public void SetAway(bool away)
    {
        _window.SetAway(away, View.Sequence);
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_script is not null)
        {
            await _script.DisposeAsync();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Highlight is { } target && target != _lastHighlight && View.IsLoaded && Interactive)
        {
            _lastHighlight = target;
            await RevealAsync(target);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!Interactive || _disposed)
        {
            return;
        }

        if (_rows.HasCode && !_codeScript)
        {
            _codeScript = true;
            await MarkdownView.ImportScriptAsync(JS, Assets["Chat/MarkdownView.razor.js"]);
        }

        await Script.RenderedAsync(_list, this);
    }

    private void JumpToLatest()
    {
        _window.FollowLatest();
        Script.JumpedToLatest();
    }

    private async Task RevealAsync(long target)
    {
        if (await Pager.RevealAsync(target, View.Messages, View.Sequence) is { } error)
        {
            Read(error);
            return;
        }

        Script.Revealed(target);
    }

    // After a read the script is told once the page has rendered it, so that it lets go of the reader's place.
    private bool Read(string? announcement)
    {
        if (announcement is null)
        {
            return false;
        }

        Script.PageRead();
        _announcer.Say(announcement);
        if (!_disposed)
        {
            StateHasChanged();
        }

        return true;
    }

    private MessageMeta MetaOf(ChatMessage message) =>
        MessageActions.MetaOf(View, message, RelativeTime.Describe(message.CreatedAt, Now), ModelName, Presses.IsEditing(message), Interactive);

    private Task ActAsync(MessageActionEventArgs press) =>
        Interactive ? Presses.PressAsync(View, _window.Shown(View.Messages), press) : Task.CompletedTask;
}
