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

    /// <param name="element">The list's element.</param>
    /// <param name="list">The component the script calls back.</param>
    /// <param name="settle">"page", "end" or "reveal", or null when the render moved nothing the script holds.</param>
    /// <param name="revealed">The sequence of the message revealed last.</param>
    public async Task RenderedAsync(ElementReference element, MessageList list, string? settle, long? revealed)
    {
        if (_module is null)
        {
            _module = await js.InvokeAsync<IJSObjectReference>("import", path);
            _list = DotNetObjectReference.Create(list);
            await _module.InvokeVoidAsync("init", element, _list, settle == "reveal" ? revealed : null);
        }
        else if (settle is not null)
        {
            await _module.InvokeVoidAsync("settle", settle, revealed);
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
