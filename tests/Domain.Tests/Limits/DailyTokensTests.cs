using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Limits;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Limits;

public sealed class DailyTokensTests
{
    private static readonly DateTimeOffset Evening = new(2026, 12, 3, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Under_the_limit_nothing_is_refused_and_once_spent_the_wait_runs_to_midnight_utc()
    {
        var tokens = new DailyTokens(Evening, spent: 150);

        tokens.Refusal(Evening, limit: 200).ShouldBeNull();
        tokens.Add(Evening, 50);

        tokens.Refusal(Evening, limit: 200).ShouldBe(TimeSpan.FromHours(3));
        tokens.SpentBy(Evening).ShouldBe(200);
    }

    [Fact]
    public void The_count_starts_again_at_midnight_utc_whatever_the_offset_of_the_clock()
    {
        var tokens = new DailyTokens(Evening, spent: 500);
        var nextMorning = new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.FromHours(3)); // 23:00 UTC, still the 3rd

        tokens.SpentBy(nextMorning).ShouldBe(500);
        tokens.SpentBy(Evening.AddHours(3)).ShouldBe(0);
        tokens.Refusal(Evening.AddHours(3), limit: 1).ShouldBeNull();
    }

    [Fact]
    public void Tokens_of_a_reply_dated_yesterday_do_not_count_today()
    {
        var tokens = new DailyTokens(Evening.AddHours(4), spent: 0);

        tokens.Add(Evening, 1_000);

        tokens.SpentBy(Evening.AddHours(4)).ShouldBe(0);
    }

    [Fact]
    public void The_reset_is_the_next_midnight_utc() =>
        DailyTokens.ResetAt(Evening).ShouldBe(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_user_budget_key_names_its_user_and_the_service_key_none()
    {
        var user = UserId.New();

        Budgets.UserOfTokens(Budgets.TokensOf(user)).ShouldBe(user);
        Budgets.UserOfTokens(Budgets.Tokens).ShouldBeNull();
    }
}
