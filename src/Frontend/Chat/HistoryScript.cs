using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// A message list's script (<c>MessageList.razor.js</c>): started on the list after its first interactive render,
/// then told after each render how to settle the scroll position (a page was read, a jump to the latest, a message
/// revealed). It calls the list back when the reader nears either end.
/// </summary>
public sealed class HistoryScript(IJSRuntime js, string path) : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private DotNetObjectReference<MessageList>? _list;
    private string? _settle;
    private long? _revealed;

    /// <summary>A page was read: once it is rendered, the script lets go of the reader's place (as a jump or a reveal does).</summary>
    public void PageRead() => _settle ??= "page";

    /// <summary>The reader jumped to the newest message: the next render ends at it.</summary>
    public void JumpedToLatest() => _settle = "end";

    /// <summary>The list shows the message to reveal (a search hit): the next render scrolls to it.</summary>
    public void Revealed(long sequence) => (_settle, _revealed) = ("reveal", sequence);

    /// <summary>Starts the script, or tells it how to settle what this render moved.</summary>
    /// <param name="element">The list's element.</param>
    /// <param name="list">The component the script calls back.</param>
    public async Task RenderedAsync(ElementReference element, MessageList list)
    {
        var settle = _settle;
        _settle = null;
        if (_module is null)
        {
            _module = await js.InvokeAsync<IJSObjectReference>("import", path);
            _list = DotNetObjectReference.Create(list);
            await _module.InvokeVoidAsync("init", element, _list, settle == "reveal" ? _revealed : null);
        }
        else if (settle is not null)
        {
            await _module.InvokeVoidAsync("settle", settle, _revealed);
        }
    }

    public async ValueTask DisposeAsync()
    {
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

        _list?.Dispose();
    }
}
