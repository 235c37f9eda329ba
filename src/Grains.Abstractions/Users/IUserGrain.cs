namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>A signed-in user: their profile and their conversations. Keyed by <see cref="UserId"/>.</summary>
[Alias("IUserGrain")]
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>The user's profile, or <c>null</c> for an id no sign-in created.</summary>
    Task<UserProfile?> GetProfileAsync();

    /// <summary>The user's conversations, newest first.</summary>
    Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync();

    /// <summary>
    /// The user's newest conversation, or a new one when they have none. One call, so two tabs opening the
    /// app at the same moment never start two.
    /// </summary>
    Task<ConversationSummary> FindOrStartNewestAsync();

    /// <summary>Starts a new, empty conversation owned by this user.</summary>
    Task<ConversationSummary> StartConversationAsync();
}
