using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Frontend.Auth;

/// <summary>
/// Checks an open page's session every <see cref="SessionCheckOptions.RevalidationInterval"/>: a circuit outlives the
/// request that checked its cookie, so a session ended elsewhere ("sign out everywhere", the address proven,
/// the account deleted) must reach open pages too. The layout's SessionGuard then sends the page to
/// sign-in.
/// </summary>
internal sealed class SessionRevalidator(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<SessionCheckOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionCheck>().IsValidAsync(authenticationState.User, cancellationToken);
    }
}
