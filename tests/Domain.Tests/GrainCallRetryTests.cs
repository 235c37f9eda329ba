using ChatbotOrleans.Grains;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests;

public sealed class GrainCallRetryTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<DateTimeOffset> _calls = [];

    [Fact]
    public async Task A_call_the_cluster_turned_away_twice_is_answered_on_the_third_attempt_after_the_first_two_waits()
    {
        var answer = await RunAsync(failures: 2, new SiloUnavailableException("the silo is leaving"));

        (await answer).ShouldBe("answered");
        Gaps().ShouldSatisfyAllConditions(
            gaps => gaps.Length.ShouldBe(2),
            gaps => gaps[0].ShouldBeGreaterThanOrEqualTo(GrainCallRetry.Waits[0]),
            gaps => gaps[1].ShouldBeGreaterThanOrEqualTo(GrainCallRetry.Waits[1]));
    }

    [Fact]
    public async Task A_call_turned_away_every_time_fails_with_the_rejection_after_four_attempts()
    {
        var answer = await RunAsync(failures: int.MaxValue, new SiloUnavailableException("the silo is gone"));

        answer.Exception?.InnerException.ShouldBeOfType<SiloUnavailableException>();
        _calls.Count.ShouldBe(4);
        Gaps()[2].ShouldBeGreaterThanOrEqualTo(GrainCallRetry.Waits[2]);
    }

    [Fact]
    public async Task Any_other_failure_is_not_retried()
    {
        var answer = await RunAsync(failures: 1, new InvalidOperationException("a bug in the grain"));

        answer.Exception?.InnerException.ShouldBeOfType<InvalidOperationException>();
        _calls.Count.ShouldBe(1);
    }

    // Moves the clock in small steps until the retry ends, noting when each attempt was made.
    private async Task<Task<string>> RunAsync(int failures, Exception failure)
    {
        var answer = GrainCallRetry.RunAsync(
            () =>
            {
                lock (_calls)
                {
                    _calls.Add(_time.GetUtcNow());
                    return _calls.Count <= failures ? Task.FromException<string>(failure) : Task.FromResult("answered");
                }
            },
            _time);
        for (var step = 0; !answer.IsCompleted; step++)
        {
            step.ShouldBeLessThan(5_000, "the retry did not end");
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        await Task.WhenAny(answer);
        return answer;
    }

    private TimeSpan[] Gaps() => [.. _calls.Zip(_calls.Skip(1), (a, b) => b - a)];
}
