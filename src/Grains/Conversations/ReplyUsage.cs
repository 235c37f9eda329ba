using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Usage;
using Microsoft.Extensions.Logging;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// Records what a stored reply used. The reply is kept whatever happens here: a usage row lost costs the operator
/// one reply's count, not the user a reply, so a failure is only logged.
/// </summary>
internal static partial class ReplyUsage
{
    public static async Task RecordAsync(IReplyHost host, UserId owner, ChatMessage reply, string model, ILogger logger)
    {
        if (reply.Usage is not { } usage)
        {
            return;
        }

        try
        {
            await host.RecordUsageAsync(new UsageRecord(owner, host.Id, reply.Id, reply.Model ?? model, usage, reply.CreatedAt));
        }
        catch (Exception exception)
        {
            LogUsageNotRecorded(logger, exception, host.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The usage of a reply in conversation {ConversationId} could not be recorded")]
    private static partial void LogUsageNotRecorded(ILogger logger, Exception exception, ConversationId conversationId);
}
