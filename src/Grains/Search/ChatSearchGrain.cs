using ChatbotOrleans.Grains.Abstractions;
using Orleans.Concurrency;

namespace ChatbotOrleans.Grains.Search;

/// <summary>
/// A user's search, keyed by their id. It holds nothing, so any silo may run several at once: it asks the
/// user's list which conversations are theirs and searches only those, so a chat deleted a moment ago (gone
/// from the list before the delete returns) is never searched.
/// </summary>
[StatelessWorker]
public sealed class ChatSearchGrain(IMessageSearch search) : Grain, IChatSearchGrain
{
    internal const int MaxHits = 20;

    public async Task<SearchResult> SearchAsync(string query)
    {
        if (SearchQueryRules.Refusal(query) is { } refusal)
        {
            return SearchResult.Refused(refusal);
        }

        var conversations = await GrainFactory.GetGrain<IUserGrain>(this.GetPrimaryKey()).ListConversationsAsync();
        if (conversations.Count == 0)
        {
            return new SearchResult([]);
        }

        var titles = conversations.ToDictionary(c => c.Id, c => c.Title);
        var matches = await search.SearchAsync(titles.Keys, query.Trim(), MaxHits);
        return new SearchResult([.. matches
            .Where(m => titles.ContainsKey(m.Conversation))
            .Select(m => new SearchHit(m.Conversation, titles[m.Conversation], m.Sequence, m.Role, Headline.Parse(m.Headline), m.CreatedAt))]);
    }
}
