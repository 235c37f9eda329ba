namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>Where a conversation's events are published.</summary>
public static class ConversationStreams
{
    /// <summary>The name of the stream provider, on silos and clients alike.</summary>
    public const string ProviderName = "Chat";

    /// <summary>The stream namespace; the stream key is the conversation's Guid.</summary>
    public const string Namespace = "conversation";

    /// <summary>
    /// Queues of the memory stream provider unless the silos are configured otherwise
    /// (<c>Orleans:StreamQueueCount</c>, the same on every silo: the publishing silo picks the queue; clients only
    /// subscribe, so theirs is not used). Every queue is read on a timer whether busy or not, so fewer queues cost
    /// less when idle; a cluster wants at least as many queues as silos, since each queue is read by one silo.
    /// </summary>
    public const int QueueCount = 2;
}
