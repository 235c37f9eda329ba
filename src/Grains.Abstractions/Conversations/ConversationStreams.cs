namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>Where a conversation's events are published.</summary>
public static class ConversationStreams
{
    /// <summary>The name of the stream provider, on silos and clients alike.</summary>
    public const string ProviderName = "Chat";

    /// <summary>The stream namespace; the stream key is the conversation's Guid.</summary>
    public const string Namespace = "conversation";

    /// <summary>
    /// Queues of the memory stream provider; silos and clients must agree on it, since a producer picks the
    /// queue. Every queue is read on a timer whether busy or not, so fewer queues cost less when idle.
    /// </summary>
    public const int QueueCount = 2;
}
