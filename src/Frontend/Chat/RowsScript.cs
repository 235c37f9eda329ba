using Microsoft.JSInterop;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// Hands the browser's row script (<c>wwwroot/message-rows.js</c>) the parts of listed rows that <see cref="ListedRows"/>
/// made. Called while rendering, so that the parts leave ahead of the render batch that names their versions; a send
/// that fails leaves rows the browser asks for again, so none is awaited.
/// </summary>
public sealed class RowsScript(IJSRuntime js)
{
    public void Send(IReadOnlyList<RowSlot> slots)
    {
        if (slots.Count > 0)
        {
            _ = PutAsync(ListedRows.Json(slots));
        }
    }

    private async Task PutAsync(string json)
    {
        try
        {
            await js.InvokeVoidAsync("chatRows.put", json);
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            // The browser asks for what it misses once it is back.
        }
    }
}
