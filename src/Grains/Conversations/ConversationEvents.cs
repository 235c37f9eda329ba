using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Users;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// Tells the open pages what changed: the conversation's stream and its owner's list. Failures are logged,
/// never thrown: the stored state is the truth, and pages reload it on a gap.
/// </summary>
public sealed partial class ConversationEvents(ConversationId id, IAsyncStream<ConversationEvent> stream, IGrainFactory grains, ILogger logger)
{
    public async Task PublishAsync(ConversationEvent conversationEvent)
    {
        try
        {
            await stream.OnNextAsync(conversationEvent);
        }
        catch (Exception exception)
        {
            LogPublishFailed(logger, exception, id, conversationEvent.GetType().Name);
        }
    }

    /// <summary>The owner's list shows titles newest first; it writes only when a title changes (see <see cref="User.UpdateConversation"/>).</summary>
    public async Task TellOwnerAsync(Conversation conversation)
    {
        var summary = new ConversationSummary(id, conversation.State.Title, conversation.UpdatedAt, conversation.Sequence == 0);
        try
        {
            await grains.GetGrain<IUserConversations>(conversation.State.OwnerId).ConversationChangedAsync(summary);
        }
        catch (Exception exception)
        {
            LogOwnerUpdateFailed(logger, exception, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {EventType} for conversation {ConversationId} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, ConversationId conversationId, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating the owner's list for conversation {ConversationId} failed")]
    private static partial void LogOwnerUpdateFailed(ILogger logger, Exception exception, ConversationId conversationId);
}
