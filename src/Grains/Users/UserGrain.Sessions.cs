using ChatbotOrleans.Grains.Abstractions;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace ChatbotOrleans.Grains.Users;

// Sessions: every session carries the user's stamp, so a new stamp ends them all (the web tier checks it on
// every request and every few seconds on open pages).
public sealed partial class UserGrain
{
    public async Task<UserProfile?> ProveAddressAsync()
    {
        if (!Exists)
        {
            return null;
        }

        // Until now anyone who typed the address could have a session: the first proof ends them all.
        if (!state.State.AddressProven)
        {
            state.State.AddressProven = true;
            await RenewSessionStampAsync(SessionsEnded.AddressProven);
        }

        return Profile;
    }

    public async Task SignOutEverywhereAsync()
    {
        if (Exists)
        {
            await RenewSessionStampAsync(SessionsEnded.SignedOutEverywhere);
        }
    }

    [ReadOnly]
    public Task<string> GetNetworkAsync() => Task.FromResult(state.State.Network);

    private async Task RenewSessionStampAsync(SessionsEnded reason)
    {
        state.State.SessionStamp = Guid.NewGuid();
        await state.WriteStateAsync();
        LogSessionsEnded(logger, Id, reason);
    }

    private enum SessionsEnded
    {
        AddressProven,
        SignedOutEverywhere,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Every session of user {UserId} ended: {Reason}")]
    private static partial void LogSessionsEnded(ILogger logger, UserId userId, SessionsEnded reason);
}
