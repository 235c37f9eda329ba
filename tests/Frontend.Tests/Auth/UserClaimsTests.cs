using System.Security.Claims;
using ChatbotOrleans.Frontend.Auth;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Auth;

public sealed class UserClaimsTests
{
    [Fact]
    public void Principal_carries_the_user_id_and_email()
    {
        var user = new UserProfile(UserId.New(), "ada@example.com", DateTimeOffset.UnixEpoch);

        var principal = UserClaims.CreatePrincipal(user);

        principal.Identity!.IsAuthenticated.ShouldBeTrue();
        principal.Identity.Name.ShouldBe("ada@example.com");
        principal.FindFirstValue(ClaimTypes.NameIdentifier).ShouldBe(user.Id.Value.ToString("N"));
        UserClaims.TryGetUserId(principal, out var id).ShouldBeTrue();
        id.ShouldBe(user.Id);
    }

    [Fact]
    public void Anonymous_principal_has_no_user_id() =>
        UserClaims.TryGetUserId(new ClaimsPrincipal(new ClaimsIdentity()), out _).ShouldBeFalse();
}
