using ChatbotOrleans.Frontend.Chat;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

public sealed class ReplyWatchTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_reply_quiet_for_the_limit_is_stalled_once_then_again_only_after_another_limit()
    {
        var watch = new ReplyWatch(Limit);
        watch.Heard(Start);

        watch.IsStalled(true, Start.AddSeconds(29)).ShouldBeFalse("29 s of quiet is within the limit");
        watch.IsStalled(true, Start.AddSeconds(30)).ShouldBeTrue("30 s of quiet reaches it");
        watch.IsStalled(true, Start.AddSeconds(45)).ShouldBeFalse("the look again starts a new quiet spell");
        watch.IsStalled(true, Start.AddSeconds(60)).ShouldBeTrue("and a second limit of quiet makes it look once more");
    }

    [Fact]
    public void Any_event_of_the_reply_restarts_the_quiet()
    {
        var watch = new ReplyWatch(Limit);
        watch.Heard(Start);
        watch.Heard(Start.AddSeconds(20));

        watch.IsStalled(true, Start.AddSeconds(40)).ShouldBeFalse("20 s since the last event");
        watch.IsStalled(true, Start.AddSeconds(50)).ShouldBeTrue();
    }

    [Fact]
    public void A_page_that_waits_for_no_reply_is_never_stalled_and_its_idle_time_does_not_count_later()
    {
        var watch = new ReplyWatch(Limit);
        watch.Heard(Start);

        watch.IsStalled(false, Start.AddMinutes(10)).ShouldBeFalse("an idle page has nothing to wait for");

        // A question asked after ten idle minutes starts from the idle check, not from the last event.
        watch.IsStalled(true, Start.AddMinutes(10).AddSeconds(15)).ShouldBeFalse();
        watch.IsStalled(true, Start.AddMinutes(10).AddSeconds(30)).ShouldBeTrue();
    }
}
