using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Usage;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>What <see cref="ReplyWriter"/> needs of the grain it writes for: storage, the stream and a reminder.</summary>
public interface IReplyHost
{
    ConversationId Id { get; }

    /// <summary>Stores a finished reply; throws when it could not be stored.</summary>
    Task StoreAsync(ChatMessage reply);

    Task PublishAsync(ConversationEvent conversationEvent);

    /// <summary>Records what a stored reply cost, for the operator and the budgets.</summary>
    Task RecordUsageAsync(UsageRecord usage);

    /// <summary>Registers the reminder that wakes the conversation while a reply asked for again is owed.</summary>
    Task RegisterGuardAsync();

    Task UnregisterGuardAsync();
}
