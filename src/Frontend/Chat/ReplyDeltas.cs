using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>Joins a streamed reply's fragments, which may arrive twice or after a gap (a reconnect), into the text shown.</summary>
public static class ReplyDeltas
{
    /// <param name="progress">The reply shown as being written, if any.</param>
    /// <param name="delta">The fragment that arrived.</param>
    /// <param name="shown">The messages shown, oldest first.</param>
    /// <param name="joined">The reply as far as it has come, when the result is <see cref="ViewUpdate.Applied"/>.</param>
    public static ViewUpdate Join(ReplyInProgress? progress, ReplyDelta delta, IReadOnlyList<ChatMessage> shown, out ReplyInProgress? joined)
    {
        joined = null;
        if (progress is null || progress.ReplyTo != delta.ReplyTo)
        {
            // A late delta of a reply already stored must not resurrect it; a failed one may be retried.
            if (MessageActions.NewestReplyTo(shown, delta.ReplyTo) is { Status: not ReplyStatus.Failed })
            {
                return ViewUpdate.Ignored;
            }

            if (delta.Offset != 0)
            {
                return ViewUpdate.ReloadNeeded;
            }

            joined = new ReplyInProgress(delta.ReplyTo, delta.Text, delta.Model);
            return ViewUpdate.Applied;
        }

        var length = progress.Text.Length;
        if (delta.Offset > length)
        {
            return ViewUpdate.ReloadNeeded;
        }

        if (delta.Offset + delta.Text.Length <= length)
        {
            return ViewUpdate.Ignored;
        }

        joined = progress with { Text = progress.Text + delta.Text[(length - delta.Offset)..], Model = delta.Model };
        return ViewUpdate.Applied;
    }
}
