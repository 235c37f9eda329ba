using ChatbotOrleans.Frontend.Chat;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

public sealed class RelativeTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(44, "just now")]
    [InlineData(50, "1 minute ago")]
    [InlineData(120, "2 minutes ago")]
    [InlineData(59 * 60, "59 minutes ago")]
    [InlineData(60 * 60, "1 hour ago")]
    [InlineData(5 * 3600, "5 hours ago")]
    [InlineData(23 * 3600, "23 hours ago")]
    [InlineData(26 * 3600, "yesterday")]
    [InlineData(3 * 86400, "3 days ago")]
    [InlineData(10 * 86400, "14 Nov")]
    [InlineData(400 * 86400, "20 Oct 2025")]
    public void Says_how_long_ago_as_people_say_it(int secondsAgo, string expected) =>
        RelativeTime.Describe(Now.AddSeconds(-secondsAgo), Now).ShouldBe(expected);

    [Fact]
    public void Recent_times_refresh_often_and_old_ones_rarely() =>
        (RelativeTime.RefreshAfter(Now.AddMinutes(-3), Now), RelativeTime.RefreshAfter(Now.AddDays(-3), Now))
            .ShouldBe((TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(5)));
}
