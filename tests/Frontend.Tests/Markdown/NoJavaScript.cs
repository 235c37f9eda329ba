using Microsoft.JSInterop;

namespace ChatbotOrleans.Frontend.Tests.Markdown;

/// <summary>Static rendering runs no after-render code, so any JavaScript call is a test failure.</summary>
internal sealed class NoJavaScript : IJSRuntime
{
    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
        throw new InvalidOperationException("Unexpected JavaScript call: " + identifier);

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
        throw new InvalidOperationException("Unexpected JavaScript call: " + identifier);
}
