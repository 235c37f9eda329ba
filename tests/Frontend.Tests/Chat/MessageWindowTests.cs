using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

public sealed class MessageWindowTests
{
    [Fact]
    public void A_fresh_window_shows_the_live_messages_and_asks_for_the_ones_before_the_first()
    {
        var window = new MessageWindow();
        var live = Messages(69, 100);

        window.Shown(live).ShouldBe(live);
        window.OlderBefore(live).ShouldBe(69);
        window.NewerAfter.ShouldBeNull();
        window.IsLive.ShouldBeTrue();
        window.IsAway.ShouldBeFalse();
    }

    [Fact]
    public void Older_pages_go_above_the_first_message_until_message_one_is_shown()
    {
        var window = new MessageWindow(capacity: 100);
        var live = Messages(69, 100);

        window.AddOlder(Messages(19, 68), live).ShouldBe(50);
        window.OlderBefore(live).ShouldBe(19);
        window.AddOlder(Messages(1, 18), live).ShouldBe(18);

        Sequences(window.Shown(live)).ShouldBe(Range(1, 100));
        window.OlderBefore(live).ShouldBeNull("message 1 is shown: nothing is older");
        window.IsLive.ShouldBeTrue();
    }

    [Fact]
    public void A_page_that_does_not_join_the_first_message_or_repeats_shown_ones_is_not_added()
    {
        var window = new MessageWindow();
        var live = Messages(69, 100);

        window.AddOlder(Messages(10, 50), live).ShouldBe(0, "a gap between 50 and 69");
        window.AddOlder(Messages(69, 80), live).ShouldBe(0, "already shown");
        window.AddOlder([], live).ShouldBe(0);

        window.Shown(live).ShouldBe(live);
    }

    [Fact]
    public void New_live_messages_appear_below_the_loaded_older_ones()
    {
        var window = new MessageWindow(capacity: 100);
        var live = Messages(69, 100);
        window.AddOlder(Messages(19, 68), live);

        Sequences(window.Shown(Messages(69, 103))).ShouldBe(Range(19, 103));
    }

    [Fact]
    public void After_a_reload_the_older_pages_are_shown_only_while_they_still_join_the_first_live_message()
    {
        var window = new MessageWindow(capacity: 100);
        window.AddOlder(Messages(19, 68), Messages(69, 100));

        Sequences(window.Shown(Messages(69, 100))).ShouldBe(Range(19, 100), "the same snapshot again");
        var moved = Messages(80, 111);
        window.Shown(moved).ShouldBe(moved, "69-79 are in neither: a gap, so only the live ones");
        window.OlderBefore(moved).ShouldBe(80, "and the older ones load again from there");
    }

    [Fact]
    public void Scrolling_through_ten_thousand_messages_keeps_at_most_the_capacity_and_drops_the_newest_end()
    {
        var window = new MessageWindow(capacity: 300);
        var live = Messages(9_969, 10_000);

        while (window.OlderBefore(live) is { } before)
        {
            window.AddOlder(Messages(Math.Max(1, before - 50), before - 1), live).ShouldBeGreaterThan(0);
            window.Shown(live).Count.ShouldBeLessThanOrEqualTo(300);
        }

        Sequences(window.Shown(live)).ShouldBe(Range(1, 300));
        window.IsLive.ShouldBeFalse("the newest messages were dropped");
        window.IsAway.ShouldBeTrue("the page offers to jump back to the newest");
        window.NewerAfter.ShouldBe(300);
    }

    [Fact]
    public void By_default_a_page_scrolled_to_message_one_renders_no_more_than_the_newest_messages_and_one_page()
    {
        var window = new MessageWindow();
        var live = Messages(10_000 - MessageList.PageSize + 1, 10_000);

        while (window.OlderBefore(live) is { } before)
        {
            window.AddOlder(Messages(Math.Max(1, before - MessageList.PageSize), before - 1), live);
        }

        Sequences(window.Shown(live)).ShouldBe(Range(1, 2 * MessageList.PageSize));
    }

    [Fact]
    public void Newer_pages_drop_the_oldest_end_and_make_the_window_live_again_once_they_reach_the_newest()
    {
        var window = new MessageWindow(capacity: 100);
        var live = Messages(469, 500);
        window.ShowAround(Messages(100, 150), live, newestSequence: 500);

        while (window.NewerAfter is { } after)
        {
            window.AddNewer(Messages(after + 1, Math.Min(500, after + 50)), live, 500);
            window.Shown(live).Count.ShouldBeLessThanOrEqualTo(100);
        }

        window.IsLive.ShouldBeTrue();
        Sequences(window.Shown(live)).ShouldBe(Range(401, 500), "the newest, with the loaded ones above up to the capacity");
    }

    [Fact]
    public void An_old_message_opens_in_a_range_of_its_own_and_one_among_the_newest_keeps_the_window_live()
    {
        var window = new MessageWindow();
        var live = Messages(469, 500);

        window.ShowAround(Messages(450, 480), live, newestSequence: 500);
        window.IsLive.ShouldBeTrue();
        window.IsAway.ShouldBeFalse();
        Sequences(window.Shown(live)).ShouldBe(Range(450, 500));

        window.ShowAround(Messages(75, 125), live, newestSequence: 500);
        window.IsLive.ShouldBeFalse();
        Sequences(window.Shown(live)).ShouldBe(Range(75, 125));
        window.OlderBefore(live).ShouldBe(75);
        window.NewerAfter.ShouldBe(125);
    }

    [Fact]
    public void Messages_that_arrive_while_the_reader_is_away_are_counted_until_they_return()
    {
        var window = new MessageWindow();

        window.SetAway(true, 100);
        window.SetAway(true, 102);
        window.IsAway.ShouldBeTrue();
        window.NewSince(104).ShouldBe(4, "counted from when the reader left, not from the second report");

        window.SetAway(false, 104);
        window.IsAway.ShouldBeFalse();
        window.NewSince(110).ShouldBe(0);
    }

    [Fact]
    public void A_reader_at_the_end_of_a_range_of_older_messages_is_still_away_from_the_newest()
    {
        var window = new MessageWindow();
        var live = Messages(469, 500);
        window.ShowAround(Messages(75, 125), live, newestSequence: 500);

        window.SetAway(false, 503);

        window.IsAway.ShouldBeTrue("the page offers to jump to the latest while it shows messages 75-125");
        window.NewSince(503).ShouldBe(3);
    }

    [Fact]
    public void Jumping_to_the_latest_forgets_the_range_the_older_pages_and_the_count()
    {
        var window = new MessageWindow();
        var live = Messages(469, 500);
        window.ShowAround(Messages(75, 125), live, newestSequence: 500);

        window.FollowLatest();

        window.IsLive.ShouldBeTrue();
        window.IsAway.ShouldBeFalse();
        window.NewSince(510).ShouldBe(0);
        window.Shown(live).ShouldBe(live);
    }

    [Fact]
    public void An_empty_newer_page_means_nothing_is_newer_and_the_window_goes_live()
    {
        var window = new MessageWindow();
        var live = Messages(469, 500);
        window.ShowAround(Messages(75, 125), live, newestSequence: 500);

        window.AddNewer([], live, 500).ShouldBe(0);

        window.IsLive.ShouldBeTrue();
    }

    [Fact]
    public void On_an_edited_path_older_pages_join_the_message_the_first_follows_and_the_path_can_start_late()
    {
        // 1 2 3 4, then 3 edited as 5 (following 2) and answered by 6: the path is 1 2 5 6.
        var window = new MessageWindow();
        List<ChatMessage> live = [ConversationFixture.User(5) with { Parent = 2 }, ConversationFixture.User(6)];

        window.OlderBefore(live).ShouldBe(5);
        window.AddOlder(Messages(3, 4), live).ShouldBe(0, "3 and 4 are another branch");
        window.AddOlder(Messages(1, 2), live).ShouldBe(2);
        Sequences(window.Shown(live)).ShouldBe([1L, 2L, 5L, 6L]);
        window.OlderBefore(live).ShouldBeNull();
        window.OlderBefore([ConversationFixture.User(7) with { Parent = 0 }]).ShouldBeNull("an edited first message starts its path");
    }

    private static List<ChatMessage> Messages(long from, long to) =>
        [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(s => ConversationFixture.User(s))];

    private static long[] Sequences(IEnumerable<ChatMessage> messages) => [.. messages.Select(m => m.Sequence)];

    private static long[] Range(long from, long to) => [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => (long)i)];
}
