using ChatbotOrleans.Grains.Abstractions;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace ChatbotOrleans.Grains.Users;

/// <summary>
/// Tells a user's open pages that their list of conversations changed. Failures are logged, never thrown: the list
/// is stored, and a page that missed an event reads it again when the next one's version shows the gap, or when it
/// reconnects.
/// </summary>
public sealed partial class ConversationListEvents(UserId user, IAsyncStream<ConversationListChanged> stream, ILogger logger)
{
    /// <summary>The whole list: a chat was started, deleted, renamed, or given its first message.</summary>
    public Task ListChangedAsync(IReadOnlyList<ConversationSummary> newestFirst, long version) =>
        PublishAsync(new ConversationListChanged(user, newestFirst, Version: version));

    /// <summary>One chat got newer: pages move it themselves, so the event does not grow with the user's list.</summary>
    public Task MovedAsync(ConversationSummary conversation, long version) =>
        PublishAsync(new ConversationListChanged(user, [conversation], OnlyChanged: true, version));

    private async Task PublishAsync(ConversationListChanged changed)
    {
        try
        {
            await stream.OnNextAsync(changed);
        }
        catch (Exception exception)
        {
            LogPublishFailed(logger, exception, user);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the conversation list of user {UserId} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, UserId userId);
}
