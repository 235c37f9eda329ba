using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Limits;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace ChatbotOrleans.Grains.Usage;

/// <summary>One user's usage: records each reply's cost for the operator and the budgets, and tells the user's page.</summary>
// Beside the grain that calls it first (the conversation, on each message): a hop to another silo costs about
// as much as the call's own work (bench/results/scale-out.md).
[PreferLocalPlacement]
public sealed class UsageGrain(IUsageLog log, UsagePrices prices, TimeProvider time, IOptions<BudgetOptions> budgets) : Grain, IUsageGrain, IUsageRecorder
{
    private UserId User => new(this.GetPrimaryKey());

    public async Task RecordAsync(UsageRecord record)
    {
        // Spent before it is stored: a budget activated by the spend counts from the table without this row, so
        // no order of activation counts the reply twice.
        await GrainFactory.SpendAsync(record.User, record.Usage.Total, record.At);
        await log.RecordAsync(record);
    }

    public Task ForgetAsync() => log.ForgetUserAsync(User);

    // A deleted chat's rows keep their tokens under the nil id: exported without a chat rather than left out.
    public async Task<IReadOnlyList<ExportedUsage>> ExportAsync() =>
        [.. (await log.ListAsync(User)).Select(r => new ExportedUsage(
            r.At, r.Conversation.Value == Guid.Empty ? null : r.Conversation, r.Reply, r.Model, r.Usage, prices.CostOf(r.Model, r.Usage)))];

    public async Task<DailyUsage> GetTodayAsync()
    {
        var spent = await GrainFactory.GetGrain<ITokenBudgetGrain>(Budgets.TokensOf(User)).GetSpentAsync();
        return new DailyUsage(spent, budgets.Value.MaxTokensPerUserPerDay, DailyTokens.ResetAt(time.GetUtcNow()));
    }

    public Task<long> GetConversationTokensAsync(ConversationId conversation) => log.ConversationTotalAsync(User, conversation);
}
