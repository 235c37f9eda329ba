using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// The user's chats, newest first: start one, open one, rename or delete one in place. On a narrow
/// screen it slides over the page (<see cref="Open"/>).
/// </summary>
public sealed partial class Sidebar
{
    private const int TitleMaxLength = 80;

    private ConversationId? _renaming;
    private ConversationId? _confirmingDelete;
    private string _draftTitle = string.Empty;
    private string? _error;
    private bool _busy;
    private bool _focusPending;
    private ElementReference _renameInput;
    private ElementReference _confirmButton;

    [Parameter, EditorRequired]
    public IReadOnlyList<ConversationSummary> Conversations { get; set; } = [];

    [Parameter]
    public ConversationId? Current { get; set; }

    /// <summary>The open chat's newest sequence, which the usage panel follows.</summary>
    [Parameter]
    public long Sequence { get; set; }

    [Parameter]
    public bool Open { get; set; }

    [Parameter]
    public bool Interactive { get; set; }

    [Parameter]
    public bool Starting { get; set; }

    [Parameter]
    public EventCallback OnNewChat { get; set; }

    [Parameter]
    public EventCallback OnClose { get; set; }

    /// <summary>Renames a chat; returns <c>null</c> when done, otherwise the sentence to show.</summary>
    [Parameter, EditorRequired]
    public Func<ConversationId, string, Task<string?>> Rename { get; set; } = default!;

    /// <summary>Deletes a chat; returns <c>null</c> when done, otherwise the sentence to show.</summary>
    [Parameter, EditorRequired]
    public Func<ConversationId, Task<string?>> Delete { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_focusPending)
        {
            return;
        }

        _focusPending = false;
        if (_renaming is not null)
        {
            await _renameInput.FocusAsync();
        }
        else if (_confirmingDelete is not null)
        {
            await _confirmButton.FocusAsync();
        }
    }

    private static string TitleOf(ConversationSummary conversation) =>
        string.IsNullOrWhiteSpace(conversation.Title) ? "New chat" : conversation.Title;

    private void StartRename(ConversationSummary conversation)
    {
        Cancel();
        _renaming = conversation.Id;
        _draftTitle = TitleOf(conversation);
        _focusPending = true;
    }

    private void StartDelete(ConversationId conversation)
    {
        Cancel();
        _confirmingDelete = conversation;
        _focusPending = true;
    }

    private void Cancel()
    {
        _renaming = null;
        _confirmingDelete = null;
        _error = null;
    }

    private void CancelOnEscape(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            Cancel();
        }
    }

    private Task SaveRenameAsync(ConversationId conversation) => RunAsync(() => Rename(conversation, _draftTitle));

    private Task DeleteAsync(ConversationId conversation) => RunAsync(() => Delete(conversation));

    private async Task RunAsync(Func<Task<string?>> change)
    {
        _busy = true;
        try
        {
            _error = await change();
        }
        finally
        {
            _busy = false;
        }

        if (_error is null)
        {
            Cancel();
        }
    }
}
