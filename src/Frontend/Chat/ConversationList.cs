using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// The sidebar's list where the open chat's own stream tells the same fact as the user's list stream. A page
/// that misses one event on one stream still shows the rename, leaves the deleted chat, or knows the chat is no
/// longer empty, by the other.
/// </summary>
public static class ConversationList
{
    /// <summary>The list with one chat's new title, as its conversation stream announced it.</summary>
    public static IReadOnlyList<ConversationSummary> Renamed(IReadOnlyList<ConversationSummary> shown, ConversationId conversation, string title) =>
        shown.Any(c => c.Id == conversation && c.Title != title)
            ? [.. shown.Select(c => c.Id == conversation ? c with { Title = title } : c)]
            : shown;

    /// <summary>
    /// The list with one chat no longer empty: a message was seen in it. Left empty, "New chat" would open that chat
    /// again instead of a new one.
    /// </summary>
    public static IReadOnlyList<ConversationSummary> Used(IReadOnlyList<ConversationSummary> shown, ConversationId conversation) =>
        shown.Any(c => c.Id == conversation && c.IsEmpty)
            ? [.. shown.Select(c => c.Id == conversation ? c with { IsEmpty = false } : c)]
            : shown;

    /// <summary>Whether a new list leaves out a chat the shown one had: deleted, unless the list is behind.</summary>
    public static bool Drops(IReadOnlyList<ConversationSummary> shown, IReadOnlyList<ConversationSummary> next, ConversationId conversation) =>
        shown.Any(c => c.Id == conversation) && next.All(c => c.Id != conversation);
}
