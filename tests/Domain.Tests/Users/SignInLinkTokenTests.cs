using ChatbotOrleans.Grains.Users;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Users;

public sealed class SignInLinkTokenTests
{
    [Fact]
    public void A_token_is_43_url_safe_characters_and_maps_to_its_key()
    {
        var (token, key) = SignInLinkToken.Create();

        token.Length.ShouldBe(43);
        token.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
        SignInLinkToken.KeyFor(token).ShouldBe(key);
    }

    [Fact]
    public void Two_tokens_differ_and_so_do_their_keys()
    {
        var first = SignInLinkToken.Create();
        var second = SignInLinkToken.Create();

        first.Token.ShouldNotBe(second.Token);
        first.Key.ShouldNotBe(second.Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("not a token!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Anything_but_a_32_byte_base64url_token_has_no_key(string? token)
    {
        SignInLinkToken.KeyFor(token).ShouldBeNull();
    }
}
