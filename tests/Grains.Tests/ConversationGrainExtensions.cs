using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;

namespace ChatbotOrleans.Grains.Tests;

internal static class ConversationGrainExtensions
{
    /// <summary>Polls the snapshot until it has reached <paramref name="sequence"/> with no reply streaming.</summary>
    public static async Task<ConversationSnapshot> WaitForSequenceAsync(this IConversationGrain conversation, UserId user, long sequence) =>
        (await Poll.UntilAsync(
            () => conversation.GetSnapshotAsync(user),
            s => s is not null && s.Sequence >= sequence && s.InProgress is null,
            TimeSpan.FromSeconds(30),
            $"sequence {sequence}"))!;
}
