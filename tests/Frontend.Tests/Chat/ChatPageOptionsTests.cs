using ChatbotOrleans.Frontend.Chat;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

public sealed class ChatPageOptionsTests
{
    [Fact]
    public void The_default_quiet_limit_is_valid() =>
        new ChatPageOptionsValidator().Validate(null, new ChatPageOptions()).Succeeded.ShouldBeTrue();

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.500")]
    [InlineData("00:11:00")]
    public void A_quiet_limit_outside_1_s_to_10_min_is_refused_in_words_naming_the_setting(string limit)
    {
        var result = new ChatPageOptionsValidator().Validate(null, new ChatPageOptions { ReplyQuietLimit = TimeSpan.Parse(limit, System.Globalization.CultureInfo.InvariantCulture) });

        result.Failed.ShouldBeTrue($"a limit of {limit} was accepted");
        result.FailureMessage.ShouldContain("ReplyQuietLimit");
    }
}
