using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;

namespace ChatbotOrleans.Grains.Tests;

internal static class ConversationGrainExtensions
{
    /// <summary>
    /// Waits until the conversation shows message <paramref name="sequence"/> with no reply in progress, and its
    /// row is in the log: the grain shows a reply a moment before its append commits.
    /// </summary>
    public static async Task<ConversationSnapshot> WaitForSequenceAsync(this IConversationGrain conversation, UserId user, long sequence)
    {
        var snapshot = await Poll.UntilAsync(
            () => conversation.GetSnapshotAsync(user),
            s => s is not null && s.Sequence >= sequence && s.InProgress is null,
            TimeSpan.FromSeconds(30),
            $"sequence {sequence}");
        await Poll.UntilAsync(
            () => conversation.GetHistoryAfterAsync(user, sequence - 1, 1),
            stored => stored.Count == 1,
            TimeSpan.FromSeconds(30),
            $"message {sequence} stored");
        return snapshot!;
    }
}
