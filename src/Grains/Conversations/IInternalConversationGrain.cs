using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>Calls on a conversation that only other grains make (the web tier cannot reach them).</summary>
[Alias("IInternalConversationGrain")]
public interface IInternalConversationGrain : IGrainWithGuidKey
{
    /// <summary>Makes the conversation exist, owned by <paramref name="owner"/>. Idempotent.</summary>
    Task CreateAsync(UserId owner);

    /// <summary>Starts writing any reply still owed (the reply sweep's wake-up call). Idempotent.</summary>
    Task ResumeRepliesAsync();
}
