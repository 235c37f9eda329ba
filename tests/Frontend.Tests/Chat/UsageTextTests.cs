using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

public sealed class UsageTextTests
{
    [Theory]
    [InlineData(0, "0 tokens")]
    [InlineData(1, "1 token")]
    [InlineData(200_000, "200,000 tokens")]
    public void A_count_reads_with_separators_and_its_plural(long count, string text) => UsageText.Tokens(count).ShouldBe(text);

    [Fact]
    public void A_reply_shows_its_total_and_tells_in_the_tooltip_where_the_tokens_went() =>
        (UsageText.Brief(new TokenUsage(1_200, 34, Estimated: false)), UsageText.Detail(new TokenUsage(1_200, 34, Estimated: false)))
            .ShouldBe(("1,234 tokens", "1,234 tokens: 1,200 in, 34 out"));

    [Fact]
    public void An_estimate_says_so_in_both() =>
        (UsageText.Brief(new TokenUsage(10, 2, Estimated: true)), UsageText.Detail(new TokenUsage(10, 2, Estimated: true)))
            .ShouldBe(("≈ 12 tokens", "12 tokens: 10 in, 2 out (estimated: the model reported none)"));

    [Fact]
    public void The_day_reads_against_the_budget_with_its_renewal() =>
        UsageText.Today(new DailyUsage(35, 200_000, new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero)))
            .ShouldBe("Today: 35 of 200,000 tokens, renewed at 00:00 UTC");
}
