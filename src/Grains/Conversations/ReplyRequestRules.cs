using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>When a reply may be asked for again (retry, regenerate); each refusal is a sentence for the page.</summary>
public static class ReplyRequestRules
{
    /// <summary>Why a retry of the reply to <paramref name="userMessage"/> cannot be queued (a duplicate when it is already), or null.</summary>
    public static ChangeResult? RetryRefusal(RecentMessages recent, IReadOnlyCollection<MessageId> pending, MessageId userMessage, out ChatMessage? target)
    {
        target = recent.FindUserMessage(userMessage);
        if (target is null)
        {
            return ChangeResult.Refused("That message is no longer in this conversation's recent history.");
        }

        if (pending.Contains(userMessage))
        {
            return new ChangeResult(ChangeOutcome.Duplicate, target);
        }

        return recent.LastReplyTo(userMessage) is { Status: ReplyStatus.Complete }
            ? ChangeResult.Refused("That message already has a reply.")
            : null;
    }

    /// <summary>Why a new version of the newest reply cannot be asked for, or null; <paramref name="target"/> is the message it answers.</summary>
    public static ChangeResult? RegenerateRefusal(RecentMessages recent, bool replying, out ChatMessage? target)
    {
        target = recent.NewestUserMessage();
        if (replying)
        {
            return ChangeResult.Refused("A reply is being written; wait for it or stop it first.");
        }

        return target is not null ? null
            : recent.Count == 0 ? ChangeResult.Refused("There is no message to answer yet.")
            : ChangeResult.Refused("The newest message has been answered too many times to hold in memory; send it again as a new message.");
    }
}
