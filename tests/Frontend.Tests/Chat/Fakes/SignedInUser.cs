using System.Security.Claims;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.AspNetCore.Components.Authorization;

namespace ChatbotOrleans.Frontend.Tests.Chat.Fakes;

/// <summary>A circuit whose user signed in, as the cookie's claims say it.</summary>
internal sealed class SignedInUser(UserId user) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.ToString())], "test"))));
}
