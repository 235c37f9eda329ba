namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>A signed-in user: their profile and their conversations. Keyed by <see cref="UserId"/>.</summary>
[Alias("IUserGrain")]
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>The user's profile, or <c>null</c> for an id no sign-in created (or a deleted account).</summary>
    Task<UserProfile?> GetProfileAsync();

    /// <summary>The user's conversations, newest first.</summary>
    Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync();

    /// <summary>
    /// The user's newest conversation, or a new one when they have none. One call, so two tabs opening the
    /// app at the same moment never start two.
    /// </summary>
    Task<ConversationSummary> FindOrStartNewestAsync();

    /// <summary>
    /// Starts a new, empty conversation owned by this user. Throws when a limit refuses it; pages call
    /// <see cref="TryStartConversationAsync"/>, which says why in words.
    /// </summary>
    Task<ConversationSummary> StartConversationAsync();

    /// <summary>
    /// Starts a new, empty conversation unless the user has as many as allowed or started too many in the
    /// last minute; then the result says what to do, or how long to wait.
    /// </summary>
    Task<StartConversationResult> TryStartConversationAsync();

    /// <summary>Ends every session of the user, the caller's included: open pages go to sign-in within seconds.</summary>
    Task SignOutEverywhereAsync();

    /// <summary>Everything stored about the user: the account's facts and every conversation with its messages.</summary>
    /// <returns>The export, or <c>null</c> when the user does not exist.</returns>
    Task<AccountExport?> ExportAsync();

    /// <summary>
    /// Deletes the account and everything stored about it: conversations and their messages, the address's
    /// account, sign-in links, emails and limits. Every session ends. Idempotent.
    /// </summary>
    Task DeleteAccountAsync();
}
