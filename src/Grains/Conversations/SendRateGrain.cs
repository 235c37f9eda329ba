using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Limits;
using ChatbotOrleans.Grains.Users;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// Holds the times of a user's recent messages in memory only. One activation per user in the cluster
/// sees every send of theirs; losing the list (silo crash) gives back at most one window of allowance,
/// so nothing worth a database write per message is lost. An idle activation is collected two minutes
/// after the user's last send (not Orleans' default quarter of an hour): its one-minute window is empty by
/// then, so the collection forgets nothing, and a silo does not hold a rate limiter for every user who
/// sent a message in the last quarter of an hour. Past the user's own limit, a message also spends the
/// budget of the network the account was made from and the service's: one person's many accounts share one.
/// The day's token budgets, the user's and the service's, are checked first: they refuse before the model is called.
/// </summary>
// Beside the grain that calls it first (the conversation, on each message): a hop to another silo costs about
// as much as the call's own work (bench/results/scale-out.md).
[PreferLocalPlacement]
[CollectionAgeLimit(Minutes = 2)]
public sealed class SendRateGrain(TimeProvider time, IOptions<ConversationOptions> options, IOptions<BudgetOptions> budgets)
    : Grain, ISendRateGrain
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly SlidingWindowLimit _limit = new(options.Value.MaxMessagesPerMinute, Window);
    private readonly List<DateTimeOffset> _sentAt = [];
    private string? _network;

    public Task<string?> TryTakeAsync() => TakeAsync(RateLimitMessages.TooManyMessages);

    public Task<string?> TryTakeReplyAsync() => TakeAsync(RateLimitMessages.TooManyReplies);

    private async Task<string?> TakeAsync(Func<TimeSpan, string> tooFast)
    {
        var now = time.GetUtcNow();
        if (!_limit.TryTake(_sentAt, now, out var wait))
        {
            return tooFast(wait);
        }

        // A message the shared budgets refuse is not sent, so it must not spend the user's own allowance.
        var refusal = await SharedBudgetRefusalAsync();
        if (refusal is not null)
        {
            _sentAt.Remove(now);
        }

        return refusal;
    }

    private async Task<string?> SharedBudgetRefusalAsync()
    {
        _network ??= await GrainFactory.GetGrain<IUserConversations>(this.GetPrimaryKey()).GetNetworkAsync();
        var limits = budgets.Value;
        if (await GrainFactory.RefusalAsync(new UserId(this.GetPrimaryKey()), limits, time.GetUtcNow()) is { } spent)
        {
            return spent;
        }

        if (_network.Length > 0
            && await GrainFactory.TryTakeAsync(Budgets.MessagesFrom(_network), limits.MaxMessagesPerNetworkPerMinute, Budgets.Minute) is { } networkWait)
        {
            return RateLimitMessages.TooManyMessagesFromNetwork(networkWait);
        }

        return await GrainFactory.TryTakeAsync(Budgets.Messages, limits.MaxMessagesPerMinute, Budgets.Minute) is { } overallWait
            ? RateLimitMessages.TooManyMessagesOverall(overallWait)
            : null;
    }
}
