using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Users;

/// <summary>Calls on a user that only other grains make.</summary>
[Alias("IUserConversations")]
public interface IUserConversations : IGrainWithGuidKey
{
    /// <summary>Creates the user's profile if it does not exist yet. Idempotent.</summary>
    Task<UserProfile> InitializeAsync(string email);

    /// <summary>A conversation of this user got a new title or activity.</summary>
    Task ConversationChangedAsync(ConversationSummary summary);

    /// <summary>A conversation of this user was deleted (retention).</summary>
    Task ConversationDeletedAsync(ConversationId conversation);
}
