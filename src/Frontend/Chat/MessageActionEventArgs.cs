using Microsoft.AspNetCore.Components;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// A press of one of a listed message's buttons. The buttons are markup the browser holds, not components (see
/// <see cref="ListedRows"/>), so <c>wwwroot/message-actions.js</c> raises this event on the button and the list
/// handles every message's in one place.
/// </summary>
public sealed class MessageActionEventArgs : EventArgs
{
    /// <summary>The button's <c>data-action</c>: "edit", "retry", "regenerate", "version-previous" or "version-next".</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The sequence of the message the button is on.</summary>
    public long Sequence { get; set; }

    /// <summary>For a version button, the sequence of the version it shows.</summary>
    public long Target { get; set; }
}

[EventHandler("onmessageaction", typeof(MessageActionEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers
{
}
