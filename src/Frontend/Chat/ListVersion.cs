using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// The version of the user's list a page shows, from the list events it applied. A changed chat that goes on from a
/// newer version means a whole list was lost on the way (a silo stopping loses what its stream queue held), and only
/// reading the list again shows what that list said: a new chat from another tab, a deletion, a first title.
/// </summary>
/// <remarks>Not thread-safe: its page calls it from the circuit's dispatcher.</remarks>
public sealed class ListVersion
{
    // 0 until the first event: the list read on opening carries no version, so a moved chat before any whole list
    // has the list read once more (rare: a chat moves only when it was not the newest already).
    private long _shown;

    /// <returns>Whether the event goes on from the list shown; false when the list is to be read again instead.</returns>
    public bool Follows(ConversationListChanged changed)
    {
        var missed = changed.OnlyChanged && changed.Version > _shown;
        _shown = Math.Max(_shown, changed.Version);
        return !missed;
    }
}
