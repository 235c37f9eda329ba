using ChatbotOrleans.Frontend.Hosting;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ChatbotOrleans.Frontend.Auth;

/// <summary>Signs a user in through the cluster and issues the auth cookie.</summary>
internal sealed partial class SignInService(IClusterClient client, ClusterConnectionMonitor monitor, ILogger<SignInService> logger)
{
    private const string Unavailable = "Sign-in is unavailable right now. Please try again in a moment.";

    // Says nothing about whether the address has an account.
    public const string CheckInbox =
        "Check your inbox: we emailed a sign-in link to this address. Open it on this device to continue.";

    /// <summary>
    /// Signs in with an address as typed. The cluster counts the request's network (<see cref="ClientNetwork"/>)
    /// against its hourly limit, whichever replica the request reached.
    /// </summary>
    /// <returns><c>null</c> when signed in, otherwise a sentence to show (an error, or <see cref="CheckInbox"/>).</returns>
    public Task<string?> SignInAsync(HttpContext httpContext, string email)
    {
        var network = ClientNetwork.Of(httpContext.Connection.RemoteIpAddress);
        return CompleteAsync(httpContext, signIn => signIn.SignInAsync(email, network));
    }

    /// <summary>Signs in with the token of an emailed link.</summary>
    /// <returns><c>null</c> when signed in, otherwise a sentence to show.</returns>
    public Task<string?> RedeemLinkAsync(HttpContext httpContext, string token) =>
        CompleteAsync(httpContext, signIn => signIn.RedeemLinkAsync(token));

    private async Task<string?> CompleteAsync(HttpContext httpContext, Func<ISignInGrain, Task<SignInResult>> call)
    {
        // Before the first gateway connection the client knows no grain types at all.
        if (!monitor.IsConnected)
        {
            return Unavailable;
        }

        SignInResult result;
        try
        {
            result = await call(client.GetGrain<ISignInGrain>(0));
        }
        catch (Exception exception) when (ClusterFault.Is(exception))
        {
            LogClusterUnavailable(logger, exception);
            return Unavailable;
        }

        if (result.User is not { } user)
        {
            return result.LinkSent ? CheckInbox : result.Error ?? "Sign-in failed.";
        }

        await httpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            UserClaims.CreatePrincipal(user),
            new AuthenticationProperties { IsPersistent = true });
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failed: the cluster did not answer.")]
    private static partial void LogClusterUnavailable(ILogger logger, Exception exception);
}
