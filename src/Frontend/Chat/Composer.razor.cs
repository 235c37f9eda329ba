using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>The message box: Enter sends, Shift+Enter breaks the line, a rejected send keeps the text.</summary>
public sealed partial class Composer : IAsyncDisposable
{
    private string _draft = string.Empty;
    private SendMessage? _attempt;
    private bool _sending;
    private bool _focusPending;
    private bool _keysReady;
    private string? _error;
    private ElementReference _form;
    private ElementReference _input;
    private IJSObjectReference? _module;

    /// <summary>Whether the box accepts input: the circuit is interactive and the conversation loaded.</summary>
    [Parameter, EditorRequired]
    public bool Enabled { get; set; }

    /// <summary>Sends a message; returns <c>null</c> when it was stored, otherwise the sentence to show.</summary>
    [Parameter, EditorRequired]
    public Func<SendMessage, Task<string?>> Send { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private bool IsOpen => Enabled && _keysReady && !_sending;

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone, and the module with it.
            }
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_keysReady)
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", $"./{Assets["Chat/Composer.razor.js"]}");

            // Until the script handles Enter, an Enter would add a line instead of sending, so the box
            // stays closed. The page may have re-rendered while the script loaded, leaving stale element
            // references: then the script says no and this runs again after the next render.
            _keysReady = await _module.InvokeAsync<bool>("init", _form, _input);
            StateHasChanged();
        }

        if (_focusPending && IsOpen)
        {
            _focusPending = false;
            await _input.FocusAsync();
        }
    }

    private async Task SubmitAsync()
    {
        var text = _draft.Trim();
        if (!IsOpen || text.Length == 0)
        {
            return;
        }

        // Re-sending the same text after a failure reuses its id, so a send that did land is not doubled.
        _attempt = _attempt is { } previous && previous.Text == text ? previous : new SendMessage(MessageId.New(), text);
        _sending = true;
        _error = null;
        try
        {
            _error = await Send(_attempt);
        }
        finally
        {
            _sending = false;
            _focusPending = true;
        }

        if (_error is null)
        {
            _draft = string.Empty;
            _attempt = null;
        }
    }
}
