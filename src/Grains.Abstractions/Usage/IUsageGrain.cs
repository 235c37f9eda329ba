namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>What a user's replies cost, for the user's own page. Keyed by <see cref="UserId"/>.</summary>
[Alias("IUsageGrain")]
public interface IUsageGrain : IGrainWithGuidKey
{
    /// <summary>The user's tokens today, their daily budget and when it renews.</summary>
    Task<DailyUsage> GetTodayAsync();

    /// <summary>The tokens all replies of one of the user's conversations cost; 0 for anyone else's.</summary>
    Task<long> GetConversationTokensAsync(ConversationId conversation);
}
