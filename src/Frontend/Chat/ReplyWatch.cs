namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// Tells when a reply the page waits for has been quiet too long. Its stream may have lost the page's
/// subscription without a word to the page: Orleans' pulling agent removes a consumer for good when a delivery
/// to its client fails as unreachable (a Swarm rolling update once left two pages waiting minutes for replies
/// that were stored). The page then follows the stream again and reloads: at worst one needless reload while
/// a model thinks.
/// </summary>
/// <param name="quietLimit">How long a reply may go without an event before the page looks again.</param>
public sealed class ReplyWatch(TimeSpan quietLimit)
{
    private DateTimeOffset _heard = DateTimeOffset.MinValue;

    /// <summary>How long a reply may go without an event before the page looks again.</summary>
    public TimeSpan QuietLimit { get; } = quietLimit;

    /// <summary>Something happened to the conversation: an event, a load, the page's own call.</summary>
    public void Heard(DateTimeOffset now) => _heard = now;

    /// <summary>Whether the page should look again now; true at most once for each quiet limit that passes.</summary>
    /// <param name="replying">Whether the page waits for a reply (one asked for or being written).</param>
    /// <param name="now">The time of the check.</param>
    public bool IsStalled(bool replying, DateTimeOffset now)
    {
        if (!replying)
        {
            _heard = now; // the quiet of a page that waits for nothing does not count
            return false;
        }

        if (now - _heard < QuietLimit)
        {
            return false;
        }

        _heard = now;
        return true;
    }
}
