using ChatbotOrleans.Grains.Limits;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// Holds the times of a user's recent messages in memory only. One activation per user in the cluster
/// sees every send of theirs; losing the list (silo crash) gives back at most one window of allowance,
/// so nothing worth a database write per message is lost. An idle activation is collected two minutes
/// after the user's last send (not Orleans' default quarter of an hour): its one-minute window is empty by
/// then, so the collection forgets nothing, and a silo does not hold a rate limiter for every user who
/// sent a message in the last quarter of an hour.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class SendRateGrain(TimeProvider time, IOptions<ConversationOptions> options) : Grain, ISendRateGrain
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly SlidingWindowLimit _limit = new(options.Value.MaxMessagesPerMinute, Window);
    private readonly List<DateTimeOffset> _sentAt = [];

    public Task<string?> TryTakeAsync() => Task.FromResult(Take() is { } wait ? RateLimitMessages.TooManyMessages(wait) : null);

    public Task<string?> TryTakeReplyAsync() => Task.FromResult(Take() is { } wait ? RateLimitMessages.TooManyReplies(wait) : null);

    private TimeSpan? Take() => _limit.TryTake(_sentAt, time.GetUtcNow(), out var wait) ? null : wait;
}
