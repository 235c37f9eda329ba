using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// Reads a conversation's history into a <see cref="MessageWindow"/> a page at a time (keyset by sequence), as the
/// reader nears either end of what is shown (one such read at a time) or opens a message outside it. Each read
/// answers the sentence a screen reader is told, or null when there was nothing to read.
/// </summary>
/// <remarks>Not thread-safe; its owner calls it from the circuit's dispatcher.</remarks>
public sealed class HistoryPager(
    MessageWindow window,
    Func<long, int, Task<IReadOnlyList<ChatMessage>?>> loadOlder,
    Func<long, int, Task<IReadOnlyList<ChatMessage>?>> loadNewer,
    int pageSize = MessageList.PageSize)
{
    /// <summary>Whether a read is under way: the list says so above its first message.</summary>
    public bool IsLoading { get; private set; }

    /// <summary>Reads the page before the first message shown and puts it above.</summary>
    /// <param name="live">The view's newest messages, oldest first.</param>
    public async Task<string?> OlderAsync(IReadOnlyList<ChatMessage> live)
    {
        if (IsLoading || window.OlderBefore(live) is not { } before)
        {
            return null;
        }

        var page = await LoadAsync(() => loadOlder(before, pageSize));
        return page is null
            ? "Older messages could not be loaded. Scroll up to try again."
            : $"Loaded {window.AddOlder(page, live)} older messages.";
    }

    /// <summary>Reads the page after the last message shown (away from the newest) and puts it below.</summary>
    public async Task<string?> NewerAsync(IReadOnlyList<ChatMessage> live, long newestSequence)
    {
        if (IsLoading || window.NewerAfter is not { } after)
        {
            return null;
        }

        var page = await LoadAsync(() => loadNewer(after, pageSize));
        return page is null
            ? "Newer messages could not be loaded. Scroll down to try again."
            : $"Loaded {window.AddNewer(page, live, newestSequence)} newer messages.";
    }

    /// <summary>
    /// Makes a message shown: one outside the window is read with its neighbours in both directions, which then
    /// replace what is shown. Not held back by a page being read: the reader chose this message.
    /// </summary>
    /// <returns>Null when it is shown; otherwise why not.</returns>
    public async Task<string?> RevealAsync(long target, IReadOnlyList<ChatMessage> live, long newestSequence)
    {
        if (window.Shown(live).Any(m => m.Sequence == target))
        {
            return null;
        }

        var around = await LoadAsync(async () =>
            await loadOlder(target, pageSize / 2) is { } before && await loadNewer(target - 1, pageSize / 2) is { } from
                ? [.. before, .. from]
                : null);
        if (around is null)
        {
            return "The message could not be loaded.";
        }

        window.ShowAround(around, live, newestSequence);
        return null;
    }

    private async Task<IReadOnlyList<ChatMessage>?> LoadAsync(Func<Task<IReadOnlyList<ChatMessage>?>> load)
    {
        IsLoading = true;
        try
        {
            return await load();
        }
        finally
        {
            IsLoading = false;
        }
    }
}
