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
        if (!_user.Exists)
        {
            return null;
        }

        if (_user.ProveAddress())
        {
            await SessionsEndedAsync(SessionsEnded.AddressProven);
        }

        return _user.Profile;
    }

    public async Task SignOutEverywhereAsync()
    {
        if (_user.Exists)
        {
            _user.RenewSessionStamp();
            await SessionsEndedAsync(SessionsEnded.SignedOutEverywhere);
        }
    }

    [ReadOnly]
    public Task<string> GetNetworkAsync() => Task.FromResult(_user.State.Network);

    private async Task SessionsEndedAsync(SessionsEnded reason)
    {
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
