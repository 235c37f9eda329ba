using ChatbotOrleans.Frontend.Auth;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Auth;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/c/0123456789abcdef0123456789abcdef")]
    [InlineData("/c/x?y=1#z")]
    public void Paths_on_this_site_are_local(string url) => LocalUrl.IsLocal(url).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("evil")]
    [InlineData("/\r\nSet-Cookie: x")]
    public void Other_addresses_are_not_local(string? url) => LocalUrl.IsLocal(url).ShouldBeFalse();

    [Fact]
    public void A_foreign_return_url_falls_back_to_home() => LocalUrl.OrHome("//evil.example").ShouldBe("/");
}
