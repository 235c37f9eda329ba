using ChatbotOrleans.Grains.Email;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Email;

public sealed class EmailRetryPolicyTests
{
    [Fact]
    public void The_default_schedule_doubles_from_30_seconds_capped_at_30_minutes_over_10_attempts()
    {
        var policy = new EmailRetryPolicy(new EmailOptions());

        policy.Schedule().Select(d => d.TotalSeconds).ShouldBe([30, 60, 120, 240, 480, 960, 1800, 1800, 1800]);
    }

    [Fact]
    public void The_last_allowed_failure_gives_up()
    {
        var policy = new EmailRetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), maxAttempts: 4);

        policy.NextDelay(3, permanent: false).ShouldBe(TimeSpan.FromSeconds(2));
        policy.NextDelay(4, permanent: false).ShouldBeNull();
    }

    [Fact]
    public void A_permanent_failure_gives_up_at_once()
    {
        new EmailRetryPolicy(new EmailOptions()).NextDelay(1, permanent: true).ShouldBeNull();
    }

    [Fact]
    public void A_huge_attempt_count_stays_at_the_cap_without_overflow()
    {
        new EmailRetryPolicy(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), int.MaxValue).NextDelay(10_000, permanent: false)
            .ShouldBe(TimeSpan.FromHours(1));
    }
}
