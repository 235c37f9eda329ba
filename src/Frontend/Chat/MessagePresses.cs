using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// What the presses of listed messages' buttons do (<see cref="MessageActionEventArgs"/>): Edit opens the message in
/// the editor, the others go to the page one at a time. A press that the view no longer offers does nothing.
/// </summary>
/// <remarks>Not thread-safe; its owner calls it from the circuit's dispatcher.</remarks>
public sealed class MessagePresses(
    Func<ChatMessage, Task> retry,
    Func<Task> regenerate,
    Func<long, Task> selectVersion,
    Func<ChatMessage, string, Task<string?>> edit)
{
    private bool _busy;

    /// <summary>The message open in the editor, if any.</summary>
    public MessageId? Editing { get; private set; }

    public bool IsEditing(ChatMessage message) => Editing == message.Id;

    /// <param name="view">The conversation the page shows now.</param>
    /// <param name="shown">The messages the list renders, oldest first.</param>
    /// <param name="press">The button pressed, maybe on markup a render behind <paramref name="view"/>.</param>
    public async Task PressAsync(ConversationView view, IReadOnlyList<ChatMessage> shown, MessageActionEventArgs press)
    {
        if (_busy || shown.FirstOrDefault(m => m.Sequence == press.Sequence) is not { } message || !MessageActions.Offers(view, message, press))
        {
            return;
        }

        if (press.Action == "edit")
        {
            Editing = message.Id;
            return;
        }

        _busy = true;
        try
        {
            await (press.Action switch
            {
                "retry" => retry(message),
                "regenerate" => regenerate(),
                _ => selectVersion(press.Target),
            });
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Stores a new version of the message: the editor closes once it is stored, and shows the error otherwise.</summary>
    public async Task<string?> SaveEditAsync(ChatMessage message, string text)
    {
        var error = await edit(message, text);
        Editing = error is null ? null : Editing;
        return error;
    }

    public void CancelEdit() => Editing = null;
}
