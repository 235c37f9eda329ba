using ChatbotOrleans.Grains.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Grains.Users;

/// <summary>
/// Holds the times of a network's sign-ins of the last hour in memory only, as <c>SendRateGrain</c> does for a
/// user's messages: a silo crash gives the network back at most one hour of allowance, while the per-address
/// limit, stored with each account, still holds. The activation is kept for the whole window after the
/// network's last sign-in, so idle collection forgets nothing; it costs one small activation per network that
/// signed in during the last hour.
/// </summary>
[CollectionAgeLimit(Minutes = 61)]
public sealed partial class SignInNetworkGrain(TimeProvider time, IOptions<SignInLinkOptions> options, ILogger<SignInNetworkGrain> logger)
    : Grain, ISignInNetworkGrain
{
    private readonly SlidingWindowLimit _limit = new(options.Value.MaxPerNetworkPerHour, SignInLinkRules.SignInWindow);
    private readonly List<DateTimeOffset> _signInsAt = [];

    public Task<string?> TryTakeAsync()
    {
        if (_limit.TryTake(_signInsAt, time.GetUtcNow(), out var wait))
        {
            return Task.FromResult<string?>(null);
        }

        var network = this.GetPrimaryKeyString();
        LogRefused(logger, network, _signInsAt.Count);
        return Task.FromResult<string?>(RateLimitMessages.TooManySignInsFromNetwork(wait));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused: network {Network} had {Count} sign-ins in the last hour")]
    private static partial void LogRefused(ILogger logger, string network, int count);
}
