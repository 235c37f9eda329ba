using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>When a message may be edited or another version shown; each refusal is a sentence for the page.</summary>
public static class EditRules
{
    public const string WaitForReply = "Wait for the reply to finish or stop it before editing.";

    /// <summary>Why <paramref name="edit"/> cannot be made, or null; <paramref name="original"/> is the message it edits.</summary>
    /// <param name="edit">The edit asked for.</param>
    /// <param name="window">Messages of the current path that hold the one edited: the window, or those the log gave up to it.</param>
    /// <param name="replying">Whether a reply is owed or being written.</param>
    /// <param name="original">The message edited, when found.</param>
    public static ChangeResult? Refusal(EditMessage edit, IReadOnlyList<ChatMessage> window, bool replying, out ChatMessage? original)
    {
        original = window.LastOrDefault(m => m.Id == edit.Original);
        if (original is null)
        {
            return ChangeResult.Refused("That message is not in this chat as it is shown now, so it cannot be edited; reload the page.");
        }

        if (original.Role != ChatRole.User)
        {
            return ChangeResult.Refused("Only your own messages can be edited; use Regenerate for a new reply.");
        }

        return replying ? ChangeResult.Refused(WaitForReply) : null;
    }

    /// <summary>
    /// The sequence of the message <paramref name="edit"/> names when it is on the current path but older than
    /// <paramref name="window"/>, so it must be read from the log; null when the window holds it, or it cannot be edited.
    /// </summary>
    public static long? OlderTarget(EditMessage edit, IReadOnlyList<ChatMessage> window, ConversationPath path) =>
        !window.Any(m => m.Id == edit.Original) && edit.OriginalSequence < (window.Count > 0 ? window[0].Sequence : long.MaxValue)
            && path.IsOnPath(edit.OriginalSequence) ? edit.OriginalSequence : null;

    /// <summary>
    /// Why the message numbered <paramref name="sequence"/> cannot be put on the current path (Done when it is on it
    /// already), or null; <paramref name="tip"/> is then where the path must end: the newest branch below it.
    /// </summary>
    public static ChangeResult? SelectRefusal(ConversationPath path, long sequence, bool replying, out long tip)
    {
        tip = 0;
        if (sequence < 1 || sequence > path.Newest)
        {
            return ChangeResult.Refused("That message is not in this conversation.");
        }

        if (replying)
        {
            return ChangeResult.Refused("Wait for the reply to finish or stop it before switching versions.");
        }

        tip = path.NewestLeafUnder(sequence);
        return path.IsOnPath(sequence) ? ChangeResult.Done : null;
    }
}
