using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// One box that searches all of the user's chats as they type (a pause starts the search). The results are a
/// list the arrow keys walk; Enter or a click opens the chat at that message. Ctrl+K focuses the box.
/// </summary>
public sealed partial class SearchBox : IAsyncDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    private IReadOnlyList<SearchHit> _hits = [];
    private string _query = string.Empty;
    private string? _status;
    private int _active = -1;
    private bool _open;
    private bool _scrollPending;
    private CancellationTokenSource? _typing;
    private IJSObjectReference? _module;

    [Parameter]
    public bool Interactive { get; set; }

    /// <summary>The page's clock, for the hits' times.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset Now { get; set; }

    /// <summary>Searches; <c>null</c> when the cluster did not answer.</summary>
    [Parameter, EditorRequired]
    public Func<string, Task<SearchResult?>> Search { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private bool IsOpen => _open && _status is not null;

    public async ValueTask DisposeAsync()
    {
        _typing?.Cancel();
        _typing?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("dispose");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone, and the shortcut with it.
            }
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (Interactive && _module is null)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", $"./{Assets["Chat/SearchBox.razor.js"]}");
            await _module.InvokeVoidAsync("init");
        }

        if (_scrollPending && _module is not null && _active >= 0)
        {
            _scrollPending = false;
            await _module.InvokeVoidAsync("showOption", OptionId(_active));
        }
    }

    private static string OptionId(int index) => $"search-hit-{index}";

    private async Task OnInputAsync(ChangeEventArgs e)
    {
        _query = e.Value?.ToString() ?? string.Empty;
        _typing?.Cancel();
        _typing?.Dispose();
        _typing = new CancellationTokenSource();
        var typing = _typing.Token;
        _open = true;
        if (string.IsNullOrWhiteSpace(_query))
        {
            (_hits, _status, _active) = ([], null, -1);
            return;
        }

        try
        {
            await Task.Delay(Pause, typing);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var query = _query;
        _status = "Searching…";
        StateHasChanged();
        var result = await Search(query);
        if (typing.IsCancellationRequested)
        {
            return;
        }

        _hits = result?.Hits ?? [];
        _active = _hits.Count > 0 ? 0 : -1;
        _status = result switch
        {
            null => "Search is unavailable right now. Please try again in a moment.",
            { Error: { } refused } => refused,
            { Hits.Count: 0 } => $"Nothing in your chats matches “{query}”.",
            { Hits.Count: 1 } => "1 message found. Up and Down choose, Enter opens.",
            _ => $"{_hits.Count} messages found. Up and Down choose, Enter opens.",
        };
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "ArrowDown" when _hits.Count > 0:
                (_open, _active, _scrollPending) = (true, (_active + 1) % _hits.Count, true);
                break;
            case "ArrowUp" when _hits.Count > 0:
                (_open, _active, _scrollPending) = (true, _active <= 0 ? _hits.Count - 1 : _active - 1, true);
                break;
            case "Enter" when IsOpen && _active >= 0:
                await OpenAsync(_active);
                break;
            case "Escape":
                _open = false;
                break;
        }
    }

    private void Reopen() => _open = true;

    // A click on a hit lands before the focus leaves (the hits take mousedown), so closing on focus-out loses none.
    private void CloseSoon() => _open = false;

    private Task OpenAsync(int index)
    {
        if (index < 0 || index >= _hits.Count)
        {
            return Task.CompletedTask;
        }

        var hit = _hits[index];
        _open = false;
        Navigation.NavigateTo($"/c/{hit.Conversation}?m={hit.Sequence}");
        return Task.CompletedTask;
    }
}
