using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Limits;

namespace ChatbotOrleans.Grains.Users;

/// <summary>
/// A user's rules: the profile and its session stamp, and the list of conversations newest first with the limits
/// on starting one. No I/O: the grain writes the <see cref="State"/> and publishes what changed in the list.
/// </summary>
public sealed class User(UserId id, UserState state, BudgetOptions budgets)
{
    public const string NewChatTitle = "New chat";

    private readonly SlidingWindowLimit _startLimit = new(budgets.MaxNewConversationsPerMinute, Budgets.Minute);
    private readonly List<DateTimeOffset> _startedAt = [];

    public UserState State => state;

    public bool Exists => state.Email.Length > 0;

    public UserProfile Profile => new(id, state.Email, state.CreatedAt, state.SessionStamp, state.AddressProven);

    /// <summary>The version of the list as last published whole (see <see cref="ConversationListChanged.Version"/>).</summary>
    public long ListVersion => state.ListVersion;

    /// <summary>Whether chats got newer since the list was last written (see <see cref="UpdateConversation"/>).</summary>
    public bool HasUnwrittenTimes { get; private set; }

    /// <summary>Makes the user at their first sign-in; a later one changes nothing.</summary>
    /// <returns>Whether the user was made: the state is then to be written.</returns>
    public bool Initialize(string email, string network, DateTimeOffset now)
    {
        if (Exists)
        {
            return false;
        }

        state.Email = email;
        state.CreatedAt = now;
        state.Network = network;
        RenewSessionStamp();
        return true;
    }

    /// <summary>
    /// Someone opened a link emailed to the address. Until the first proof anyone who typed the address could have
    /// a session, so that proof ends them all.
    /// </summary>
    /// <returns>Whether this was the first proof: the sessions then ended, and the state is to be written.</returns>
    public bool ProveAddress()
    {
        if (state.AddressProven)
        {
            return false;
        }

        state.AddressProven = true;
        RenewSessionStamp();
        return true;
    }

    /// <summary>Every session carries the stamp, so a new one ends them all.</summary>
    public void RenewSessionStamp() => state.SessionStamp = Guid.NewGuid();

    public IReadOnlyList<ConversationSummary> NewestFirst() => [.. state.Conversations.OrderByDescending(c => c.UpdatedAt)];

    /// <summary>The conversation as the list shows it.</summary>
    public ConversationSummary Listed(ConversationId conversation) => state.Conversations.First(c => c.Id == conversation);

    /// <summary>Counts a new conversation against the user's limits, unless one of them refuses it.</summary>
    /// <returns>Why the user may not start one now, or null when they may.</returns>
    public string? TakeStart(DateTimeOffset now) =>
        state.Conversations.Count >= budgets.MaxConversationsPerUser ? RateLimitMessages.TooManyChats(budgets.MaxConversationsPerUser)
        : !_startLimit.TryTake(_startedAt, now, out var wait) ? RateLimitMessages.TooManyNewChats(wait)
        : null;

    /// <summary>Lists a conversation just started; the state is then to be written.</summary>
    public ConversationSummary AddConversation(ConversationId conversation, DateTimeOffset now)
    {
        var summary = new ConversationSummary(conversation, NewChatTitle, now, IsEmpty: true);
        state.Conversations.Add(summary);
        return summary;
    }

    /// <returns>Whether it was listed: the state is then to be written.</returns>
    public bool RemoveConversation(ConversationId conversation) => state.Conversations.RemoveAll(c => c.Id == conversation) > 0;

    /// <summary>Takes in a conversation's new title, time and emptiness, as the conversation reported them.</summary>
    public ListedChange UpdateConversation(ConversationSummary summary)
    {
        var index = state.Conversations.FindIndex(c => c.Id == summary.Id);
        if (index < 0)
        {
            return ListedChange.None;
        }

        var previous = state.Conversations[index];
        var wasNewest = state.Conversations.TrueForAll(c => c.Id == summary.Id || c.UpdatedAt <= previous.UpdatedAt);
        var listed = summary with { Title = summary.Title.Length > 0 ? summary.Title : NewChatTitle };
        state.Conversations[index] = listed;
        if (previous.Title != listed.Title || previous.IsEmpty != listed.IsEmpty)
        {
            return ListedChange.Changed;
        }

        // A message only makes the chat newer. Writing that at once would be one more commit per message: the next
        // change that matters (a title, a new or deleted chat) or the end of the activation writes it; only a crash
        // loses it.
        HasUnwrittenTimes = true;
        return wasNewest ? ListedChange.None : ListedChange.Moved;
    }

    /// <summary>The list is to be written and published whole: one version more.</summary>
    public void NextListVersion() => state.ListVersion++;

    /// <summary>The list was written with every chat's newest time.</summary>
    public void TimesWritten() => HasUnwrittenTimes = false;
}
