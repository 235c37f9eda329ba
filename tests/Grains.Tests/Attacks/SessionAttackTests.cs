using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Limits;
using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests.Attacks;

/// <summary>
/// Attacks on accounts and sessions through the cluster's sign-in, as a stranger who knows an address would try
/// them. A session is valid while it carries its user's current stamp (the web tier checks it on every request).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SessionAttackTests(ClusterFixture fixture)
{
    private ISignInGrain SignIn => fixture.Client.GetGrain<ISignInGrain>(0);

    [Fact]
    public async Task A_stranger_who_claims_an_address_first_loses_access_when_the_owner_proves_it()
    {
        var address = $"owner-{Guid.NewGuid():N}@example.com";
        var stranger = (await SignIn.SignInAsync(address, TestNetworks.Unique())).User.ShouldNotBeNull("a new address chats at once, on probation");
        var user = fixture.Client.GetGrain<IUserGrain>(stranger.Id.Value);

        var ownerAsks = await SignIn.SignInAsync(address, TestNetworks.Unique());
        var owner = (await SignIn.RedeemLinkAsync(await fixture.TokenOfEmailAsync(address, 2))).User.ShouldNotBeNull();
        var afterProof = await user.GetProfileAsync();

        stranger.AddressProven.ShouldBeFalse();
        ownerAsks.Succeeded.ShouldBeFalse("a second sign-in with the address needs the emailed link");
        ownerAsks.LinkSent.ShouldBeTrue();
        owner.Id.ShouldBe(stranger.Id);
        owner.AddressProven.ShouldBeTrue();
        afterProof.ShouldNotBeNull().SessionStamp.ShouldBe(owner.SessionStamp, "the owner's new session is valid");
        afterProof.SessionStamp.ShouldNotBe(stranger.SessionStamp, "the stranger's session carries a stamp the user no longer has: it has ended");
    }

    [Fact]
    public async Task A_second_device_signing_in_by_link_later_does_not_end_the_owners_other_sessions()
    {
        var address = $"two-devices-{Guid.NewGuid():N}@example.com";
        await SignIn.SignInAsync(address, TestNetworks.Unique());
        var first = (await SignIn.RedeemLinkAsync(await fixture.TokenOfEmailAsync(address, 1))).User.ShouldNotBeNull();

        await SignIn.SignInAsync(address, TestNetworks.Unique());
        var second = (await SignIn.RedeemLinkAsync(await fixture.TokenOfEmailAsync(address, 2))).User.ShouldNotBeNull();

        second.SessionStamp.ShouldBe(first.SessionStamp, "only the first proof ends earlier sessions");
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_user()
    {
        var address = $"everywhere-{Guid.NewGuid():N}@example.com";
        var session = (await SignIn.SignInAsync(address, TestNetworks.Unique())).User.ShouldNotBeNull();
        var user = fixture.Client.GetGrain<IUserGrain>(session.Id.Value);

        await user.SignOutEverywhereAsync();
        var after = await user.GetProfileAsync();

        after.ShouldNotBeNull().SessionStamp.ShouldNotBe(session.SessionStamp);
    }

    [Fact]
    public async Task A_stranger_requesting_links_for_an_address_does_not_lock_its_owner_out()
    {
        var address = $"locked-{Guid.NewGuid():N}@example.com";
        var strangersNetwork = TestNetworks.Unique();
        var stranger = new List<SignInResult>();
        for (var i = 0; i < 6; i++)
        {
            stranger.Add(await SignIn.SignInAsync(address, strangersNetwork));
        }

        var owner = await SignIn.SignInAsync(address, TestNetworks.Unique());

        stranger.Take(5).ShouldAllBe(r => r.Error == null, "five sign-ins an hour from one network");
        stranger[5].Error.ShouldNotBeNull().ShouldStartWith("Too many sign-ins with this address in the last hour; try again in ");
        owner.Error.ShouldBeNull("the stranger spent their own network's allowance for the address, not the owner's");
        owner.LinkSent.ShouldBeTrue();
    }

    [Fact]
    public async Task The_sign_in_answer_never_says_that_an_address_already_has_an_account()
    {
        var address = $"known-{Guid.NewGuid():N}@example.com";
        await SignIn.SignInAsync(address, TestNetworks.Unique());

        var again = await SignIn.SignInAsync(address, TestNetworks.Unique());

        again.LinkSent.ShouldBeTrue();
        again.Error.ShouldBeNull("the answer is a flag the page turns into one neutral sentence, not a sentence about the account");
        RateLimitMessages.TooManySignIns(TimeSpan.FromMinutes(3)).ShouldNotContain("account");
    }
}
