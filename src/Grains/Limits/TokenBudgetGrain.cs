using ChatbotOrleans.Grains.Usage;
using Orleans.Placement;

namespace ChatbotOrleans.Grains.Limits;

/// <summary>
/// Holds the day's tokens in memory and counts on from the usage table when it activates: the table is the
/// truth, so neither a silo crash nor idle collection forgives or doubles a token.
/// </summary>
// Beside the grain that calls it first (the conversation, on each message): a hop to another silo costs about
// as much as the call's own work (bench/results/scale-out.md).
[PreferLocalPlacement]
public sealed class TokenBudgetGrain(IUsageLog usage, TimeProvider time) : Grain, ITokenBudgetGrain
{
    private DailyTokens _tokens = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var user = Budgets.UserOfTokens(this.GetPrimaryKeyString());
        _tokens = new DailyTokens(now, await usage.TotalAsync(DailyTokens.DayOf(now), user, cancellationToken));
    }

    public Task<TimeSpan?> CheckAsync(long limit) => Task.FromResult(_tokens.Refusal(time.GetUtcNow(), limit));

    public Task<TokenReservation> ReserveAsync(Guid reservation, long limit, long wanted, long minimum)
    {
        var now = time.GetUtcNow();
        var granted = _tokens.Reserve(reservation, now, limit, wanted, minimum, out var left);
        return Task.FromResult(new TokenReservation(granted, left, DailyTokens.ResetAt(now) - now, _tokens.ReservedBy(now) - granted));
    }

    public Task ReleaseAsync(Guid reservation)
    {
        _tokens.Release(reservation);
        return Task.CompletedTask;
    }

    public Task SpendAsync(long tokens, DateTimeOffset at)
    {
        _tokens.Add(at, tokens);
        return Task.CompletedTask;
    }

    public Task<long> GetSpentAsync() => Task.FromResult(_tokens.SpentBy(time.GetUtcNow()));
}
