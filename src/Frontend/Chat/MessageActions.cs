using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>What the page offers on a message, read from the messages shown (oldest first) and the reply being written.</summary>
public static class MessageActions
{
    /// <summary>Regenerate: on the newest message, a reply that did not fail (a failed one offers Retry), nothing being written.</summary>
    public static bool IsRegenerable(IReadOnlyList<ChatMessage> shown, bool replying, ChatMessage message) =>
        !replying && message is { Role: ChatRole.Assistant, Status: not ReplyStatus.Failed }
        && shown.Count > 0 && shown[^1].Id == message.Id;

    /// <summary>Retry: on the newest failed answer to its user message, while no new answer to it is being written.</summary>
    public static bool IsRetryable(IReadOnlyList<ChatMessage> shown, ReplyInProgress? inProgress, ChatMessage message) =>
        message is { Role: ChatRole.Assistant, Status: ReplyStatus.Failed, ReplyTo: { } replyTo }
        && inProgress?.ReplyTo != replyTo
        && NewestReplyTo(shown, replyTo)?.Id == message.Id;

    /// <summary>Whether a failed reply offers Retry, and whether it can be pressed now.</summary>
    /// <remarks>
    /// Not whether the page is busy with another press: that would make every message's line again twice an action.
    /// A press while busy is ignored where it is handled instead.
    /// </remarks>
    public static RetryButton RetryOf(ConversationView view, ChatMessage message, bool interactive) =>
        !view.IsRetryable(message) ? RetryButton.None
        : interactive ? RetryButton.Enabled : RetryButton.Disabled;

    /// <summary>The line under a message as the page shows it now.</summary>
    /// <param name="view">The conversation the page shows.</param>
    /// <param name="message">A message shown.</param>
    /// <param name="time">When it was written, as the page says it now.</param>
    /// <param name="modelName">The display name of a model, or null to show none.</param>
    /// <param name="editing">Whether the message is open in the editor.</param>
    /// <param name="interactive">Whether the page is connected.</param>
    public static MessageMeta MetaOf(ConversationView view, ChatMessage message, string time, Func<string?, string?> modelName, bool editing, bool interactive) => new(
        time,
        message.Role == ChatRole.Assistant && message.Model != MessageList.OfflineModel ? modelName(message.Model) : null,
        message.Model == MessageList.OfflineModel,
        message.Role == ChatRole.User && !editing,
        view.IsRegenerable(message),
        interactive,
        view.IsReplying);

    /// <summary>
    /// Whether a message still offers what a press of one of its buttons asks for: the markup pressed may be a
    /// render behind the view (a reply started meanwhile, another version shown).
    /// </summary>
    public static bool Offers(ConversationView view, ChatMessage message, MessageActionEventArgs press) => press.Action switch
    {
        "edit" => message.Role == ChatRole.User && !view.IsReplying,
        "retry" => view.IsRetryable(message),
        "regenerate" => view.IsRegenerable(message),
        "version-previous" or "version-next" => !view.IsReplying && message.Versions is { } versions
            && press.Target != 0 && (press.Target == versions.Previous || press.Target == versions.Next),
        _ => false,
    };

    /// <summary>The newest reply shown to <paramref name="userMessage"/>, or null.</summary>
    public static ChatMessage? NewestReplyTo(IReadOnlyList<ChatMessage> shown, MessageId userMessage)
    {
        for (var i = shown.Count - 1; i >= 0; i--)
        {
            if (shown[i] is { Role: ChatRole.Assistant } reply && reply.ReplyTo == userMessage)
            {
                return reply;
            }
        }

        return null;
    }
}
