using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Users;

/// <summary>Calls on a user that only other grains make.</summary>
[Alias("IUserConversations")]
public interface IUserConversations : IGrainWithGuidKey
{
    /// <summary>Creates the user's profile if it does not exist yet, made from <paramref name="network"/>. Idempotent.</summary>
    Task<UserProfile> InitializeAsync(string email, string network);

    /// <summary>
    /// Someone opened a link emailed to the user's address. The first time, every session made before (a
    /// stranger who typed the address first) ends; later proofs change nothing.
    /// </summary>
    /// <returns>The profile with the stamp the new session must carry, or <c>null</c> for a deleted user.</returns>
    Task<UserProfile?> ProveAddressAsync();

    /// <summary>The network the account was made from, or empty when unknown.</summary>
    Task<string> GetNetworkAsync();

    /// <summary>A conversation of this user got a new title or activity.</summary>
    Task ConversationChangedAsync(ConversationSummary summary);

    /// <summary>A conversation of this user was deleted (retention).</summary>
    Task ConversationDeletedAsync(ConversationId conversation);
}
