using ChatbotOrleans.Frontend.Auth;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Auth;

public sealed class SessionStampTests
{
    private static readonly UserProfile User = new(UserId.New(), "ada@example.com", DateTimeOffset.UnixEpoch, Guid.NewGuid());

    [Fact]
    public void A_session_with_the_users_stamp_is_current()
    {
        UserClaims.IsCurrent(UserClaims.CreatePrincipal(User), User).ShouldBeTrue();
    }

    [Fact]
    public void A_session_from_before_the_stamp_changed_has_ended()
    {
        var session = UserClaims.CreatePrincipal(User);

        UserClaims.IsCurrent(session, User with { SessionStamp = Guid.NewGuid() }).ShouldBeFalse();
    }

    [Fact]
    public void A_session_of_a_deleted_user_has_ended()
    {
        UserClaims.IsCurrent(UserClaims.CreatePrincipal(User), null).ShouldBeFalse();
    }

    [Fact]
    public void A_cookie_from_before_sessions_had_stamps_lasts_only_while_the_user_never_renewed_theirs()
    {
        var old = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, User.Id.Value.ToString("N"))], "Cookies"));

        UserClaims.IsCurrent(old, User with { SessionStamp = Guid.Empty }).ShouldBeTrue();
        UserClaims.IsCurrent(old, User).ShouldBeFalse();
    }
}
