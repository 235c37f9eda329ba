using ChatbotOrleans.Grains.Limits;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Limits;

public sealed class RateLimitMessagesTests
{
    [Theory]
    [InlineData(0.2, "1 second")]
    [InlineData(1, "1 second")]
    [InlineData(39.1, "40 seconds")]
    [InlineData(90, "90 seconds")]
    [InlineData(91, "2 minutes")]
    [InlineData(3599.5, "60 minutes")]
    [InlineData(5400, "90 minutes")]
    [InlineData(5401, "2 hours")]
    public void A_wait_is_said_in_words_rounded_up(double seconds, string words) =>
        RateLimitMessages.Describe(TimeSpan.FromSeconds(seconds)).ShouldBe(words);

    [Fact]
    public void The_message_limit_sentence_says_what_happened_and_how_long_to_wait() =>
        RateLimitMessages.TooManyMessages(TimeSpan.FromSeconds(40)).ShouldBe("You are sending messages too fast; try again in 40 seconds.");

    [Fact]
    public void The_sign_in_limit_sentence_points_to_the_links_already_sent() =>
        RateLimitMessages.TooManySignIns(TimeSpan.FromMinutes(23)).ShouldBe(
            "Too many sign-ins with this address in the last hour; try again in 23 minutes, or use the newest sign-in link in your inbox.");

    [Fact]
    public void The_token_budget_sentence_says_the_budget_when_it_renews_and_in_how_long() =>
        RateLimitMessages.TokensSpent(200_000, new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(150))
            .ShouldBe("You have used today's 200,000 tokens; they renew at 00:00 UTC, in 3 hours.");

    [Fact]
    public void The_global_token_budget_sentence_says_it_is_everyone_s() =>
        RateLimitMessages.TokensSpentOverall(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(20))
            .ShouldBe("The bot has used all of today's tokens for everyone; they renew at 00:00 UTC, in 20 minutes.");
}
