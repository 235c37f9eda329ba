using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>
/// The daily token budgets as one reply spends them. Before the model is called the reply reserves its input and
/// the most it may write, capped at what is left of the smaller of the owner's and the service's budget, and the
/// model is told that cap. The reservation is released once the usage actually spent is counted, so replies
/// streaming at once never together spend more than was left.
/// </summary>
public sealed partial class ReplyTokens(IGrainFactory grains, IOptions<BudgetOptions> budgets, TimeProvider time, ILogger<ReplyTokens> logger)
{
    private BudgetOptions Limits => budgets.Value;

    private ITokenBudgetGrain Overall => grains.GetGrain<ITokenBudgetGrain>(Budgets.Tokens);

    /// <summary>Reserves tokens for the reply <paramref name="reservation"/> of <paramref name="user"/>.</summary>
    /// <returns>The most tokens the reply may write, or the sentence to show when too few are left.</returns>
    public async Task<(int MaxOutput, string? Refusal)> ReserveAsync(UserId user, Guid reservation, int input, int? modelMaxOutput)
    {
        var (wanted, minimum) = (ReplyTokenRules.Wanted(input, modelMaxOutput), ReplyTokenRules.Minimum(input));
        // A reservation made again replaces itself, so a call the cluster turned away is simply made again.
        var mine = await GrainCallRetry.RunAsync(() => Of(user).ReserveAsync(reservation, Limits.MaxTokensPerUserPerDay, wanted, minimum), time);
        if (mine.Granted == 0)
        {
            return (0, ReplyTokenRules.Refusal(mine, Limits.MaxTokensPerUserPerDay, time.GetUtcNow(), overall: false));
        }

        var all = await GrainCallRetry.RunAsync(() => Overall.ReserveAsync(reservation, Limits.MaxTokensPerDay, mine.Granted, minimum), time);
        if (all.Granted == 0)
        {
            await GrainCallRetry.RunAsync(() => Of(user).ReleaseAsync(reservation), time);
            return (0, ReplyTokenRules.Refusal(all, Limits.MaxTokensPerUserPerDay, time.GetUtcNow(), overall: true));
        }

        // The service had less left than the user: the user's reservation shrinks to what the reply may spend.
        if (all.Granted < mine.Granted)
        {
            await GrainCallRetry.RunAsync(() => Of(user).ReserveAsync(reservation, Limits.MaxTokensPerUserPerDay, all.Granted, minimum), time);
        }

        return (ReplyTokenRules.MaxOutput(all.Granted, input), null);
    }

    /// <summary>Reserves tokens for a reply of <paramref name="model"/> to <paramref name="context"/>; throws the refusal for the page.</summary>
    /// <returns>The most tokens the reply may write.</returns>
    /// <exception cref="ChatModelException">Too few tokens are left; its message says so and when they renew.</exception>
    public async Task<int> ReserveForAsync(UserId user, Guid reservation, IChatModel model, IReadOnlyList<ChatTurn> context)
    {
        var (maxOutput, refusal) = await ReserveAsync(user, reservation, model.EstimateUsage(context, "").InputTokens, model.MaxOutputTokens);
        return refusal is null ? maxOutput : throw new ChatModelException(refusal, isTransient: false);
    }

    /// <summary>Gives back a reply's reservation: call it after its usage is recorded, which spends what it used. Never throws.</summary>
    public async Task ReleaseAsync(UserId user, Guid reservation)
    {
        try
        {
            await Task.WhenAll(Of(user).ReleaseAsync(reservation), Overall.ReleaseAsync(reservation));
        }
        catch (Exception exception)
        {
            // Held until it expires: the budget is short by one reply's cap for that long, and nothing is overspent.
            LogNotReleased(logger, exception, user);
        }
    }

    private ITokenBudgetGrain Of(UserId user) => grains.GetGrain<ITokenBudgetGrain>(Budgets.TokensOf(user));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token reservation of a reply of user {UserId} could not be released")]
    private static partial void LogNotReleased(ILogger logger, Exception exception, UserId userId);
}
