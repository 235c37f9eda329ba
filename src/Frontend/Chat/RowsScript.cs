using System.Globalization;
using System.Text;
using Microsoft.JSInterop;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// Hands the browser's row script (<c>wwwroot/message-rows.js</c>) the parts of listed rows that <see cref="ListedRows"/>
/// made. Called while rendering, so that the parts leave ahead of the render batch that names their versions; a send
/// that fails leaves rows the browser asks for again, so none is awaited.
/// </summary>
/// <remarks>
/// Every argument is a string: the parts' names in one ("sequence:part:version" each), then their HTML. A circuit's
/// interop serializer keeps metadata for every other type it is handed (for an array or a number, one entry for each
/// interface it implements), on every open page; and HTML inside JSON inside the call's JSON would be escaped twice.
/// </remarks>
public sealed class RowsScript(IJSRuntime js)
{
    public void Send(IReadOnlyList<RowSlot> slots)
    {
        if (slots.Count > 0)
        {
            _ = PutAsync(Arguments(slots));
        }
    }

    /// <summary>The arguments of one call that sends <paramref name="slots"/>.</summary>
    public static string[] Arguments(IReadOnlyList<RowSlot> slots)
    {
        var names = new StringBuilder();
        var arguments = new string[slots.Count + 1];
        for (var i = 0; i < slots.Count; i++)
        {
            names.Append(i == 0 ? "" : " ").Append(CultureInfo.InvariantCulture, $"{slots[i].Sequence}:{slots[i].Part}:{slots[i].Version}");
            arguments[i + 1] = slots[i].Html;
        }

        arguments[0] = names.ToString();
        return arguments;
    }

    private async Task PutAsync(string[] arguments)
    {
        try
        {
            await js.InvokeVoidAsync("chatRows.put", arguments);
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            // The browser asks for what it misses once it is back.
        }
    }
}
