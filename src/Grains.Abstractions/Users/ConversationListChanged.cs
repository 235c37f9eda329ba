namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>
/// The user's list of conversations changed, so every open page shows the same one. A chat started,
/// renamed or deleted carries the whole new list, newest first. A message that only moves a chat up
/// carries that chat's summary alone (<paramref name="OnlyChanged"/>): the event stays the same size
/// however many chats the user has, instead of every message publishing the whole list. Each event carries the list's
/// <paramref name="Version"/>, so that a page can tell it missed a whole list (a stream event can be lost while a silo
/// stops) and read the list again.
/// </summary>
/// <param name="User">Whose list it is.</param>
/// <param name="Conversations">The whole list, newest first; or, with <paramref name="OnlyChanged"/>, the summaries that changed.</param>
/// <param name="OnlyChanged">Whether <paramref name="Conversations"/> is to be merged into the list a page has (see <see cref="ApplyTo"/>).</param>
/// <param name="Version">
/// How many whole lists were published before and with this one: a whole list counts one up, a changed chat carries
/// the version it goes on from. 0 from silos older than the version.
/// </param>
[GenerateSerializer, Immutable, Alias("ConversationListChanged")]
public sealed record ConversationListChanged(
    [property: Id(0)] UserId User,
    [property: Id(1)] IReadOnlyList<ConversationSummary> Conversations,
    [property: Id(2)] bool OnlyChanged = false,
    [property: Id(3)] long Version = 0)
{
    /// <summary>The list a page shows after this event, given the one it showed before.</summary>
    public IReadOnlyList<ConversationSummary> ApplyTo(IReadOnlyList<ConversationSummary> shown)
    {
        if (!OnlyChanged)
        {
            return Conversations;
        }

        var changed = Conversations.ToDictionary(c => c.Id);
        return
        [
            .. shown.Where(c => !changed.ContainsKey(c.Id))
                .Concat(Conversations)
                .OrderByDescending(c => c.UpdatedAt),
        ];
    }
}
