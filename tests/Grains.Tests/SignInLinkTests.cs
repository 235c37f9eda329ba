using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Users;
using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SignInLinkTests(ClusterFixture fixture)
{
    private ISignInGrain SignIn => fixture.Client.GetGrain<ISignInGrain>(0);

    [Fact]
    public async Task A_returning_address_gets_a_link_that_signs_in_the_same_user_once()
    {
        var address = $"back-{Guid.NewGuid():N}@example.com";
        var first = await SignIn.SignInAsync(address, TestNetworks.Unique());

        var again = await SignIn.SignInAsync(address, TestNetworks.Unique());
        var mail = await Poll.UntilAsync(
            () => Task.FromResult(fixture.Mail.MessagesTo(address).FirstOrDefault(m => (m.Message.Subject ?? "").Contains("sign-in link", StringComparison.Ordinal))),
            m => m is not null, TimeSpan.FromSeconds(30), "the sign-in link email");
        var token = MailAssertions.SignInToken(mail!.TextBody);
        var redeemed = await SignIn.RedeemLinkAsync(token);
        var replayed = await SignIn.RedeemLinkAsync(token);

        again.Succeeded.ShouldBeFalse();
        again.LinkSent.ShouldBeTrue();
        mail.HtmlBody.ShouldContain(token);
        redeemed.User.ShouldNotBeNull().Id.ShouldBe(first.User!.Id);
        redeemed.User.Email.ShouldBe(address);
        replayed.Succeeded.ShouldBeFalse();
        replayed.Error.ShouldBe(SignInLinkRules.Used);
    }

    [Fact]
    public async Task The_link_in_the_welcome_email_works_too()
    {
        var address = $"welcome-link-{Guid.NewGuid():N}@example.com";
        var first = await SignIn.SignInAsync(address, TestNetworks.Unique());
        var mail = await Poll.UntilAsync(() => Task.FromResult(fixture.Mail.MessagesTo(address)), m => m.Count > 0, TimeSpan.FromSeconds(30), "the welcome email");

        var redeemed = await SignIn.RedeemLinkAsync(MailAssertions.SignInToken(mail[0].TextBody));

        redeemed.User.ShouldNotBeNull().Id.ShouldBe(first.User!.Id);
    }

    [Fact]
    public async Task An_expired_link_is_refused()
    {
        var (user, _) = await fixture.NewConversationAsync();
        var (token, key) = SignInLinkToken.Create();
        await fixture.Client.GetGrain<ISignInLinkGrain>(key).IssueAsync(user, DateTimeOffset.UtcNow.AddSeconds(-1));

        var result = await SignIn.RedeemLinkAsync(token);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe(SignInLinkRules.Expired);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_or_malformed_token_is_refused(string token)
    {
        var result = await SignIn.RedeemLinkAsync(token);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe(SignInLinkRules.Unknown);
    }
}
