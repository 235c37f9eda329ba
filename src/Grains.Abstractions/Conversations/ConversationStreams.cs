namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>Where a conversation's events are published.</summary>
public static class ConversationStreams
{
    /// <summary>The name of the stream provider, on silos and clients alike.</summary>
    public const string ProviderName = "Chat";

    /// <summary>The stream namespace; the stream key is the conversation's Guid.</summary>
    public const string Namespace = "conversation";
}
