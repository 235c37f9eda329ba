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
    private readonly MessageMarkup _markup = new();
    private HistoryPager? _pager;
    private ElementReference _list;
    private HistoryScript? _script;
    private bool _busy;
    private bool _disposed;
    private bool _codeScript;
    private long? _revealed;
    private string? _settle;
    private string _announcement = string.Empty;
    private MessageId? _editing;

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

    // The loaders are read when called: the page may hand new ones to the same list.
    private HistoryPager Pager => _pager ??= new(_window, (before, count) => LoadOlder(before, count), (after, count) => LoadNewer(after, count));

    /// <returns>Whether a page was read (the script then holds the reader's place until it is rendered).</returns>
    [JSInvokable]
    public async Task<bool> NearTopAsync() => Read(await Pager.OlderAsync(View.Messages));

    /// <returns>Whether a page was read.</returns>
    [JSInvokable]
    public async Task<bool> NearBottomAsync() => Read(await Pager.NewerAsync(View.Messages, View.Sequence));

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
        if (Highlight is { } target && target != _revealed && View.IsLoaded && Interactive)
        {
            _revealed = target;
            await RevealAsync(target);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!Interactive || _disposed)
        {
            return;
        }

        if (_markup.HasCode && !_codeScript)
        {
            _codeScript = true;
            await MarkdownView.ImportScriptAsync(JS, Assets["Chat/MarkdownView.razor.js"]);
        }

        _script ??= new HistoryScript(JS, $"./{Assets["Chat/MessageList.razor.js"]}");
        var settle = _settle;
        _settle = null;
        await _script.RenderedAsync(_list, this, settle, _revealed);
    }

    private void JumpToLatest()
    {
        _window.FollowLatest();
        _settle = "end";
    }

    private async Task RevealAsync(long target)
    {
        if (await Pager.RevealAsync(target, View.Messages, View.Sequence) is { } error)
        {
            Read(error);
            return;
        }

        _settle = "reveal";
    }

    // After a read the script is told once the page has rendered it, so that it lets go of the reader's place.
    private bool Read(string? announcement)
    {
        if (announcement is null)
        {
            return false;
        }

        _settle ??= "page";
        Announce(announcement);
        return true;
    }

    private void Announce(string sentence)
    {
        // The same sentence twice would not be read again; a trailing space makes it a change.
        _announcement = sentence == _announcement.TrimEnd() && !_announcement.EndsWith(' ') ? sentence + " " : sentence;
        if (!_disposed)
        {
            StateHasChanged();
        }
    }

    private MessageMeta MetaOf(ChatMessage message) =>
        MessageActions.MetaOf(View, message, RelativeTime.Describe(message.CreatedAt, Now), ModelName, _editing == message.Id, Interactive);

    private async Task ActAsync(MessageActionEventArgs press)
    {
        if (!Interactive || _busy || _window.Shown(View.Messages).FirstOrDefault(m => m.Sequence == press.Sequence) is not { } message
            || !MessageActions.Offers(View, message, press))
        {
            return;
        }

        if (press.Action == "edit")
        {
            _editing = message.Id;
            return;
        }

        _busy = true;
        try
        {
            await (press.Action switch
            {
                "retry" => OnRetry.InvokeAsync(message),
                "regenerate" => OnRegenerate.InvokeAsync(),
                _ => OnSelectVersion.InvokeAsync(press.Target),
            });
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<string?> SaveEditAsync(ChatMessage message, string text)
    {
        var error = await Edit(message, text);
        _editing = error is null ? null : _editing;
        return error;
    }
}
