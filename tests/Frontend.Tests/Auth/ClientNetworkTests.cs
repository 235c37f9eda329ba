using System.Net;
using ChatbotOrleans.Frontend.Auth;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Auth;

public sealed class ClientNetworkTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff::/64")]
    public void A_client_counts_by_its_IPv4_address_or_its_IPv6_64(string address, string network) =>
        ClientNetwork.Of(IPAddress.Parse(address)).ShouldBe(network);

    [Fact]
    public void A_request_without_an_address_counts_with_the_others_without_one() =>
        ClientNetwork.Of(null).ShouldBe(ClientNetwork.Unknown);
}
