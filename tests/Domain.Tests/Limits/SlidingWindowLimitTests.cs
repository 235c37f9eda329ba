using ChatbotOrleans.Grains.Limits;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Limits;

public sealed class SlidingWindowLimitTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly List<DateTimeOffset> _takenAt = [];

    [Fact]
    public void The_limit_allows_that_many_events_then_refuses_with_the_wait_until_the_oldest_leaves_the_window()
    {
        var limit = new SlidingWindowLimit(3, Minute);

        var allowed = Enumerable.Range(0, 3).Select(_ => Take(limit, advanceBy: TimeSpan.FromSeconds(10))).ToList();
        var refused = limit.TryTake(_takenAt, _time.GetUtcNow(), out var wait);

        allowed.ShouldAllBe(r => r.Allowed && r.Wait == TimeSpan.Zero);
        refused.ShouldBeFalse();
        wait.ShouldBe(TimeSpan.FromSeconds(40), "the first event was at 0:10 and leaves the window at 1:10; it is 0:30");
        _takenAt.Count.ShouldBe(3, "a refused event is not counted");
    }

    [Fact]
    public void Waiting_exactly_the_wait_given_is_enough()
    {
        var limit = new SlidingWindowLimit(2, Minute);
        Take(limit, TimeSpan.Zero);
        Take(limit, TimeSpan.FromSeconds(20));
        limit.TryTake(_takenAt, _time.GetUtcNow(), out var wait).ShouldBeFalse();

        _time.Advance(wait - TimeSpan.FromTicks(1));
        limit.TryTake(_takenAt, _time.GetUtcNow(), out _).ShouldBeFalse();
        _time.Advance(TimeSpan.FromTicks(1));
        limit.TryTake(_takenAt, _time.GetUtcNow(), out _).ShouldBeTrue();
    }

    [Fact]
    public void A_burst_at_the_end_of_one_minute_does_not_buy_a_second_burst_at_the_start_of_the_next()
    {
        var limit = new SlidingWindowLimit(5, Minute);
        _time.Advance(TimeSpan.FromSeconds(59));
        var burst = Enumerable.Range(0, 5).Count(_ => Take(limit, TimeSpan.Zero).Allowed);

        _time.Advance(TimeSpan.FromSeconds(2));
        var afterBoundary = Enumerable.Range(0, 5).Count(_ => Take(limit, TimeSpan.Zero).Allowed);

        burst.ShouldBe(5);
        afterBoundary.ShouldBe(0, "a fixed per-minute counter would allow 10 in two seconds; a sliding window allows 5 in any minute");
    }

    [Fact]
    public void A_steady_sender_at_the_limit_is_never_refused()
    {
        var limit = new SlidingWindowLimit(20, Minute);

        var results = Enumerable.Range(0, 200).Select(_ => Take(limit, TimeSpan.FromSeconds(3))).ToList();

        results.ShouldAllBe(r => r.Allowed, "one message every 3 seconds is 20 a minute");
        _takenAt.Count.ShouldBeLessThanOrEqualTo(20, "only the window is kept, however long the sender goes on");
    }

    [Fact]
    public void A_shared_budget_of_thousands_frees_exactly_as_many_as_left_the_window()
    {
        var limit = new SlidingWindowLimit(10_000, Minute);
        var allowed = Enumerable.Range(0, 10_000).Count(_ => Take(limit, TimeSpan.FromMilliseconds(5)).Allowed);
        var full = Take(limit, TimeSpan.Zero);

        _time.Advance(TimeSpan.FromSeconds(20));
        var afterExpiry = Enumerable.Range(0, 5_000).Count(_ => Take(limit, TimeSpan.Zero).Allowed);

        allowed.ShouldBe(10_000, "10,000 events over 50 s");
        full.ShouldBe((false, TimeSpan.FromMilliseconds(10_005)), "the first event, at 0:00.005, leaves at 1:00.005; it is 0:50");
        afterExpiry.ShouldBe(2_000, "at 1:10 the events of the first 10 s, 2,000 of them, have left the window");
        _takenAt.Count.ShouldBe(10_000);
    }

    [Fact]
    public void Times_from_the_future_after_a_clock_step_back_are_forgotten()
    {
        var limit = new SlidingWindowLimit(1, Minute);
        _takenAt.Add(_time.GetUtcNow().AddHours(1));

        limit.TryTake(_takenAt, _time.GetUtcNow(), out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_limit_below_one_is_a_bug(int limit) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new SlidingWindowLimit(limit, Minute));

    private (bool Allowed, TimeSpan Wait) Take(SlidingWindowLimit limit, TimeSpan advanceBy)
    {
        _time.Advance(advanceBy);
        var allowed = limit.TryTake(_takenAt, _time.GetUtcNow(), out var wait);
        return (allowed, wait);
    }
}
