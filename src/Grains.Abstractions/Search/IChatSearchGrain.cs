namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>
/// Searches the messages of one user's conversations, keyed by that <see cref="UserId"/>. Only the
/// conversations the user's own list holds are searched, so a deleted chat is gone from the results at once.
/// </summary>
[Alias("IChatSearchGrain")]
public interface IChatSearchGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The best matches for <paramref name="query"/> (web-search syntax: words, "a phrase", or, -word), best
    /// first. A query that cannot be searched (empty, too long, no words) comes back with a reason in words.
    /// </summary>
    Task<SearchResult> SearchAsync(string query);
}
