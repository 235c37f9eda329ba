using ChatbotOrleans.Grains.Users;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Users;

public sealed class SignInLinkRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_link_works_until_it_expires_and_only_once()
    {
        var link = new SignInLinkState { UserId = Guid.NewGuid(), ExpiresAt = Now.AddMinutes(15) };

        SignInLinkRules.RefusalFor(link, Now.AddMinutes(15).AddTicks(-1)).ShouldBeNull();
        SignInLinkRules.RefusalFor(link, Now.AddMinutes(15)).ShouldBe(SignInLinkRules.Expired);
        link.UsedAt = Now;
        SignInLinkRules.RefusalFor(link, Now).ShouldBe(SignInLinkRules.Used);
        SignInLinkRules.RefusalFor(new SignInLinkState(), Now).ShouldBe(SignInLinkRules.Unknown);
    }
}
