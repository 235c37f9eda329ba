using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// The conversation's messages, read back to the first: its script says when the reader nears either end of what
/// is loaded, and a page of messages is read then (keyset by sequence), keeping the message being read in place.
/// Which messages are rendered is a <see cref="MessageWindow"/>'s answer.
/// </summary>
public sealed partial class MessageList : IAsyncDisposable
{
    /// <summary>How many messages are read at a time as the reader scrolls (as many as the grain's default window).</summary>
    public const int PageSize = 32;
    private const string OfflineModel = "offline";

    private readonly MessageWindow _window = new();
    private readonly MessageMarkup _markup = new();
    private ElementReference _list;
    private IJSObjectReference? _module;
    private DotNetObjectReference<MessageList>? _self;
    private bool _busy;
    private bool _loading;
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

    /// <returns>Whether a page was read (the script then holds the reader's place until it is rendered).</returns>
    [JSInvokable]
    public async Task<bool> NearTopAsync()
    {
        if (_loading || _window.OlderBefore(View.Messages) is not { } before)
        {
            return false;
        }

        var page = await LoadAsync(() => LoadOlder(before, PageSize));
        var added = page is null ? 0 : _window.AddOlder(page, View.Messages);
        Announce(page is null ? "Older messages could not be loaded. Scroll up to try again." : $"Loaded {added} older messages.");
        return true;
    }

    /// <returns>Whether a page was read.</returns>
    [JSInvokable]
    public async Task<bool> NearBottomAsync()
    {
        if (_loading || _window.NewerAfter is not { } after)
        {
            return false;
        }

        var page = await LoadAsync(() => LoadNewer(after, PageSize));
        var added = page is null ? 0 : _window.AddNewer(page, View.Messages, View.Sequence);
        Announce(page is null ? "Newer messages could not be loaded. Scroll down to try again." : $"Loaded {added} newer messages.");
        return true;
    }

    /// <summary>The script says whether the reader is far from the newest message.</summary>
    [JSInvokable]
    public void SetAway(bool away)
    {
        if (away)
        {
            _window.LeaveLatest(View.Sequence);
        }
        else
        {
            _window.ReturnToLatest();
        }

        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("dispose");
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone, and the script with it.
        }

        _self?.Dispose();
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

        if (_module is null)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", $"./{Assets["Chat/MessageList.razor.js"]}");
            _self = DotNetObjectReference.Create(this);
            await _module.InvokeVoidAsync("init", _list, _self, _settle == "reveal" ? _revealed : null);
            _settle = null;
            return;
        }

        if (_settle is { } how)
        {
            _settle = null;
            await _module.InvokeVoidAsync("settle", how, _revealed);
        }
    }

    private void JumpToLatest()
    {
        _window.FollowLatest();
        _settle = "end";
    }

    // A message outside what is shown is read with its neighbours in both directions, then scrolled to.
    private async Task RevealAsync(long target)
    {
        if (!_window.Shown(View.Messages).Any(m => m.Sequence == target))
        {
            var around = await LoadAsync(async () =>
                await LoadOlder(target, PageSize / 2) is { } before && await LoadNewer(target - 1, PageSize / 2) is { } from
                    ? [.. before, .. from]
                    : null);
            if (around is null)
            {
                Announce("The message could not be loaded.");
                return;
            }

            _window.ShowAround(around, View.Messages, View.Sequence);
        }

        _settle = "reveal";
    }

    private async Task<IReadOnlyList<ChatMessage>?> LoadAsync(Func<Task<IReadOnlyList<ChatMessage>?>> load)
    {
        _loading = true;
        try
        {
            return await load();
        }
        finally
        {
            _loading = false;
            _settle ??= "page";
        }
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

    private static string TurnClass(ChatMessage message, bool highlighted) => (message.Role, highlighted) switch
    {
        (ChatRole.User, false) => "turn user",
        (ChatRole.User, true) => "turn user highlighted",
        (_, false) => "turn assistant",
        _ => "turn assistant highlighted",
    };

    // Whether a button can be pressed does not follow _busy: that would make every message's line again twice
    // an action. A press while busy is ignored in ActAsync instead.
    private RetryButton RetryOf(ChatMessage message) =>
        !View.IsRetryable(message) ? RetryButton.None
        : Interactive ? RetryButton.Enabled : RetryButton.Disabled;

    private MessageMeta MetaOf(ChatMessage message) => new(
        RelativeTime.Describe(message.CreatedAt, Now),
        message.Role == ChatRole.Assistant && message.Model != OfflineModel ? ModelName(message.Model) : null,
        message.Model == OfflineModel,
        message.Role == ChatRole.User && _editing != message.Id,
        View.IsRegenerable(message),
        Interactive,
        View.IsReplying);

    // A press of a listed message's button. What it offered is checked again: the markup may be a render behind.
    private async Task ActAsync(MessageActionEventArgs action)
    {
        if (!Interactive || _busy || _window.Shown(View.Messages).FirstOrDefault(m => m.Sequence == action.Sequence) is not { } message)
        {
            return;
        }

        switch (action.Action)
        {
            case "edit" when message.Role == ChatRole.User && !View.IsReplying:
                _editing = message.Id;
                break;
            case "retry" when View.IsRetryable(message):
                await RunAsync(OnRetry.InvokeAsync(message));
                break;
            case "regenerate" when View.IsRegenerable(message):
                await RunAsync(OnRegenerate.InvokeAsync());
                break;
            case "version-previous" or "version-next" when !View.IsReplying && message.Versions is { } versions
                && action.Target != 0 && (action.Target == versions.Previous || action.Target == versions.Next):
                await RunAsync(OnSelectVersion.InvokeAsync(action.Target));
                break;
        }
    }

    private async Task<string?> SaveEditAsync(ChatMessage message, string text)
    {
        var error = await Edit(message, text);
        _editing = error is null ? null : _editing;
        return error;
    }

    private async Task RunAsync(Task action)
    {
        _busy = true;
        try
        {
            await action;
        }
        finally
        {
            _busy = false;
        }
    }
}
