using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Usage;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace ChatbotOrleans.Grains.Users;

// A user's data rights: take everything out, or delete everything.
public sealed partial class UserGrain
{
    [ReadOnly]
    public async Task<AccountExport?> ExportAsync()
    {
        if (!_user.Exists)
        {
            return null;
        }

        var conversations = new List<ExportedConversation>();
        foreach (var summary in _user.NewestFirst())
        {
            var settings = (await GrainFactory.GetGrain<IConversationGrain>(summary.Id.Value).GetSnapshotAsync(Id))?.Settings;
            conversations.Add(new ExportedConversation(summary, await log.ReadAsync(summary.Id, long.MaxValue, int.MaxValue), settings));
        }

        var presets = await GrainFactory.GetGrain<IUserPresetsGrain>(Id.Value).ExportAsync();
        var usage = await GrainFactory.GetGrain<IUsageRecorder>(Id.Value).ExportAsync();
        return new AccountExport(_user.Profile, conversations, time.GetUtcNow(), presets, usage);
    }

    public async Task DeleteAccountAsync()
    {
        if (!_user.Exists)
        {
            return;
        }

        // Each conversation tells this grain it is gone (ConversationDeletedAsync) while this call waits for it.
        using (RequestContext.AllowCallChainReentrancy())
        {
            foreach (var conversation in _user.State.Conversations.ToList())
            {
                await GrainFactory.GetGrain<IConversationGrain>(conversation.Id.Value).DeleteAsync(Id);
            }
        }

        await GrainFactory.GetGrain<IUserPresetsGrain>(Id.Value).ClearAsync();
        await GrainFactory.GetGrain<IAccountGrain>(_user.State.Email).ForgetAsync();
        await GrainFactory.GetGrain<IUsageRecorder>(Id.Value).ForgetAsync();

        // Cleared last: until then a retry of a half-done deletion still finds what is left.
        await state.ClearStateAsync();

        // Clearing put an empty state in place: calls until deactivation find no user.
        _user = new User(Id, state.State, budgets.Value);
        LogAccountDeleted(logger, Id);
        DeactivateOnIdle();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} deleted their account")]
    private static partial void LogAccountDeleted(ILogger logger, UserId userId);
}
