using ChatbotOrleans.Grains.Limits;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Limits;

/// <summary>The arithmetic of reserving a reply's tokens before the model is called and settling after it.</summary>
public sealed class TokenReservationTests
{
    private static readonly DateTimeOffset Evening = new(2026, 12, 3, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_reply_reserves_what_it_wants_but_never_more_than_is_left()
    {
        var tokens = new DailyTokens(Evening, spent: 60);

        tokens.Reserve(Guid.NewGuid(), Evening, limit: 100, wanted: 30, minimum: 11, out var left).ShouldBe(30);
        left.ShouldBe(40);
        tokens.Reserve(Guid.NewGuid(), Evening, limit: 100, wanted: 500, minimum: 1, out left).ShouldBe(10, "capped at what is left");
        left.ShouldBe(10);
        tokens.LeftBy(Evening, 100).ShouldBe(0);
    }

    [Fact]
    public void Concurrent_reservations_never_together_pass_the_limit_and_a_refusal_reserves_nothing()
    {
        var tokens = new DailyTokens(Evening, spent: 0);
        var granted = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            granted.Add(tokens.Reserve(Guid.NewGuid(), Evening, limit: 100, wanted: 35, minimum: 6, out _));
        }

        granted.ShouldBe([35L, 35L, 30L, 0L, 0L, 0L, 0L, 0L, 0L, 0L]);
        granted.Sum().ShouldBeLessThanOrEqualTo(100);
        tokens.ReservedBy(Evening).ShouldBe(100);
    }

    [Fact]
    public void Too_few_left_for_the_input_is_refused()
    {
        var tokens = new DailyTokens(Evening, spent: 95);

        tokens.Reserve(Guid.NewGuid(), Evening, limit: 100, wanted: 40, minimum: 6, out var left).ShouldBe(0);

        left.ShouldBe(5);
        tokens.ReservedBy(Evening).ShouldBe(0);
    }

    [Fact]
    public void Settling_spends_what_was_used_and_releasing_frees_the_rest()
    {
        var (tokens, reply) = OneReplyReserving(80);

        tokens.Add(Evening, 25);
        tokens.LeftBy(Evening, 100).ShouldBe(0, "spent and reserved both count until the release");
        tokens.Release(reply);

        tokens.LeftBy(Evening, 100).ShouldBe(75);
        tokens.SpentBy(Evening).ShouldBe(25);
    }

    [Fact]
    public void Reserving_again_under_the_same_id_replaces_the_reservation()
    {
        var (tokens, reply) = OneReplyReserving(80);

        tokens.Reserve(reply, Evening, limit: 100, wanted: 20, minimum: 1, out var left).ShouldBe(20);

        left.ShouldBe(100, "its own earlier reservation is not counted against it");
        tokens.ReservedBy(Evening).ShouldBe(20);
    }

    [Fact]
    public void A_reservation_never_released_expires_so_a_dead_reply_gives_its_tokens_back()
    {
        var (tokens, _) = OneReplyReserving(100);

        tokens.LeftBy(Evening + DailyTokens.ReservationLifetime - TimeSpan.FromSeconds(1), 100).ShouldBe(0);
        tokens.LeftBy(Evening + DailyTokens.ReservationLifetime, 100).ShouldBe(100);
    }

    [Theory]
    [InlineData(50, 1024, 1074)]
    [InlineData(50, null, 50 + ReplyTokenRules.DefaultMaxOutput)]
    public void A_reply_wants_its_input_and_the_most_its_model_writes(int input, int? modelMax, long wanted) =>
        ReplyTokenRules.Wanted(input, modelMax).ShouldBe(wanted);

    [Fact]
    public void The_cap_on_the_reply_is_what_the_grant_leaves_after_the_input()
    {
        ReplyTokenRules.Minimum(40).ShouldBe(41, "a request whose input alone uses up what is left is refused");
        ReplyTokenRules.MaxOutput(granted: 100, input: 40).ShouldBe(60);
        ReplyTokenRules.MaxOutput(granted: 41, input: 40).ShouldBe(1);
    }

    [Fact]
    public void A_refusal_says_whether_the_budget_is_spent_or_too_little_is_left_and_when_it_renews()
    {
        var spent = new TokenReservation(0, 0, TimeSpan.FromHours(3));
        var tooFew = new TokenReservation(0, 12, TimeSpan.FromHours(3));

        ReplyTokenRules.Refusal(spent, 100, Evening, overall: false).ShouldBe("You have used today's 100 tokens; they renew at 00:00 UTC, in 3 hours.");
        ReplyTokenRules.Refusal(tooFew, 100, Evening, overall: false).ShouldBe(
            "This chat needs more than the 12 tokens you have left today; start a new chat, or wait until they renew at 00:00 UTC, in 3 hours.");
        ReplyTokenRules.Refusal(spent, 100, Evening, overall: true).ShouldContain("for everyone");
        ReplyTokenRules.Refusal(tooFew, 100, Evening, overall: true).ShouldContain("too few of today's tokens left");
    }

    [Fact]
    public void A_budget_held_by_replies_still_being_written_is_not_called_used()
    {
        var held = new TokenReservation(0, 0, TimeSpan.FromHours(3), HeldByOthers: 70);

        ReplyTokenRules.Refusal(held, 100, Evening, overall: false)
            .ShouldBe("Your replies still being written hold the rest of today's tokens (70); try again when they have finished.");
    }

    // A budget of 100 with nothing spent, and one reply that reserved what it wanted.
    private static (DailyTokens Tokens, Guid Reply) OneReplyReserving(long wanted)
    {
        var tokens = new DailyTokens(Evening, spent: 0);
        var reply = Guid.NewGuid();
        tokens.Reserve(reply, Evening, limit: 100, wanted, minimum: 1, out _);
        return (tokens, reply);
    }
}
