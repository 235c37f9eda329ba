using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// The bar above the open chat: the button that shows the list of chats on a narrow screen, the title, the page's
/// tools (<see cref="ChildContent"/>) and, once a chat is loaded, its export. It holds no state: the page owns it all.
/// </summary>
public sealed partial class ChatHeader
{
    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    /// <summary>Whether the list of chats is shown over the page (narrow screens only).</summary>
    [Parameter]
    public bool SidebarOpen { get; set; }

    [Parameter]
    public EventCallback ToggleSidebar { get; set; }

    /// <summary>What goes between the title and the export menu: the page's search and presets.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <summary>The loaded chat its export menu downloads, or none (no menu).</summary>
    [Parameter]
    public ConversationId? Exported { get; set; }
}
