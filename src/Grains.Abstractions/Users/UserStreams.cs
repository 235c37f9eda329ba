namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>Where a user's own events are published (on the <see cref="ConversationStreams.ProviderName"/> provider).</summary>
public static class UserStreams
{
    /// <summary>The stream namespace; the stream key is the user's Guid.</summary>
    public const string Namespace = "user";
}
