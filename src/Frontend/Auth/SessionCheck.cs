using System.Security.Claims;
using ChatbotOrleans.Frontend.Hosting;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Frontend.Auth;

/// <summary>
/// Asks the cluster whether a session is still valid: its user exists and still has the session's stamp. Used
/// by the cookie on every request and by open pages every few seconds.
/// </summary>
internal sealed partial class SessionCheck(IClusterClient client, ClusterConnectionMonitor monitor, ILogger<SessionCheck> logger)
{
    /// <returns>
    /// <c>false</c> when the session has ended; <c>true</c> when it is valid, or when the cluster cannot say
    /// (then no data can be reached anyway, and a silo restart must not sign everyone out).
    /// </returns>
    public async Task<bool> IsValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!UserClaims.TryGetUserId(principal, out var user))
        {
            return false;
        }

        if (!monitor.IsConnected)
        {
            return true;
        }

        try
        {
            var profile = await client.GetGrain<IUserGrain>(user.Value).GetProfileAsync().WaitAsync(cancellationToken);
            return UserClaims.IsCurrent(principal, profile);
        }
        // The circuit's revalidation signs the user out on any exception it sees, so every cluster fault is caught.
        catch (Exception exception) when (ClusterFault.Is(exception))
        {
            LogUnchecked(logger, exception, user);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The session of user {UserId} could not be checked: the cluster did not answer.")]
    private static partial void LogUnchecked(ILogger logger, Exception exception, UserId userId);
}
