using System.Net;
using ChatbotOrleans.Frontend.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Auth;

public sealed class SignInNetworkLimitTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    public void A_client_counts_by_its_IPv4_address_or_its_IPv6_64(string address, string network) =>
        SignInNetworkLimit.NetworkOf(IPAddress.Parse(address)).ShouldBe(network);

    [Fact]
    public void A_request_without_an_address_counts_with_the_others_without_one() =>
        SignInNetworkLimit.NetworkOf(null).ShouldBe("unknown");

    [Fact]
    public void A_network_over_its_hourly_limit_waits_and_another_network_does_not()
    {
        using var limit = new SignInNetworkLimit(Options.Create(new SignInLimitOptions { MaxPerNetworkPerHour = 3 }));
        var fromOneAddress = Enumerable.Range(0, 4).Select(_ => limit.TryTake(Request("198.51.100.20"))).ToList();
        var sameSlash64 = limit.TryTake(Request("2001:db8::1"));
        var sameSlash64Again = Enumerable.Range(2, 3).Select(i => limit.TryTake(Request($"2001:db8::{i}"))).ToList();
        var otherAddress = limit.TryTake(Request("198.51.100.21"));

        fromOneAddress.Take(3).ShouldAllBe(wait => wait == null);
        fromOneAddress[3].ShouldNotBeNull().ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        sameSlash64.ShouldBeNull();
        sameSlash64Again[^1].ShouldNotBeNull("four addresses of one /64 are one network");
        otherAddress.ShouldBeNull("the limit is per network");
    }

    [Theory]
    [InlineData(0.2, "try again in 1 minute.")]
    [InlineData(300, "try again in 5 minutes.")]
    [InlineData(301, "try again in 6 minutes.")]
    public void The_refusal_says_how_long_to_wait_rounded_up(double seconds, string ending) =>
        SignInService.TooManyFromNetwork(TimeSpan.FromSeconds(seconds))
            .ShouldBe($"Too many sign-ins from your network in the last hour; {ending}");

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(2_000_000)]
    public void A_limit_out_of_range_is_refused_naming_the_setting(int value)
    {
        using var services = new ServiceCollection()
            .AddOptions<SignInLimitOptions>().Configure(o => o.MaxPerNetworkPerHour = value).ValidateDataAnnotations()
            .Services.BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<SignInLimitOptions>>().Value);

        failure.Message.ShouldContain("SignIn:MaxPerNetworkPerHour must be between 1 and 1000000.");
    }

    private static DefaultHttpContext Request(string address) =>
        new() { Connection = { RemoteIpAddress = IPAddress.Parse(address) } };
}
