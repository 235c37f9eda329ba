using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

public sealed class HistoryPagerTests
{
    private readonly List<ChatMessage> _log = Messages(1, 500);
    private readonly List<string> _reads = [];
    private readonly MessageWindow _window = new();
    private Func<Task>? _hold;
    private bool _unreachable;

    private List<ChatMessage> Live => _log[^32..];

    [Fact]
    public async Task A_page_before_the_first_message_is_read_by_its_sequence_and_announced_with_its_count()
    {
        var pager = Pager();

        (await pager.OlderAsync(Live)).ShouldBe("Loaded 32 older messages.");

        _reads.ShouldBe(["older 469 32"]);
        _window.Shown(Live)[0].Sequence.ShouldBe(437);
    }

    [Fact]
    public async Task A_second_read_while_one_is_under_way_reads_nothing()
    {
        var release = new TaskCompletionSource();
        _hold = () => release.Task;
        var pager = Pager();

        var first = pager.OlderAsync(Live);
        pager.IsLoading.ShouldBeTrue();
        var second = pager.OlderAsync(Live);
        second.IsCompleted.ShouldBeTrue("it did not wait for the first read");
        release.SetResult();
        (await second).ShouldBeNull();

        (await first).ShouldBe("Loaded 32 older messages.");
        pager.IsLoading.ShouldBeFalse();
        _reads.ShouldBe(["older 469 32"]);
    }

    [Fact]
    public async Task A_read_the_cluster_did_not_answer_says_so_changes_nothing_and_can_be_tried_again()
    {
        var pager = Pager();
        _unreachable = true;

        (await pager.OlderAsync(Live)).ShouldBe("Older messages could not be loaded. Scroll up to try again.");
        _window.Shown(Live).Count.ShouldBe(32);
        pager.IsLoading.ShouldBeFalse();

        _unreachable = false;
        (await pager.OlderAsync(Live)).ShouldBe("Loaded 32 older messages.");
    }

    [Fact]
    public async Task Nothing_is_read_above_message_one_nor_below_the_newest()
    {
        var pager = Pager();
        List<ChatMessage> short_ = [.. _log[..10]];

        (await pager.OlderAsync(short_)).ShouldBeNull();
        (await pager.NewerAsync(Live, 500)).ShouldBeNull("a live window follows the stream instead");
        _reads.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_old_message_is_read_with_its_neighbours_on_both_sides_and_the_range_then_pages_down()
    {
        var pager = Pager();

        (await pager.RevealAsync(100, Live, 500)).ShouldBeNull();

        _reads.ShouldBe(["older 100 16", "newer 99 16"]);
        _window.Shown(Live).Select(m => m.Sequence).ShouldBe(Enumerable.Range(84, 32).Select(i => (long)i));
        _window.IsLive.ShouldBeFalse();

        (await pager.NewerAsync(Live, 500)).ShouldBe("Loaded 32 newer messages.");
        _reads[^1].ShouldBe("newer 115 32");
    }

    [Fact]
    public async Task A_shown_message_is_revealed_without_a_read_and_an_unreachable_cluster_is_said_in_words()
    {
        var pager = Pager();

        (await pager.RevealAsync(480, Live, 500)).ShouldBeNull();
        _reads.ShouldBeEmpty();

        _unreachable = true;
        (await pager.RevealAsync(100, Live, 500)).ShouldBe("The message could not be loaded.");
        _window.IsLive.ShouldBeTrue();
    }

    private HistoryPager Pager() => new(_window, (before, count) => ReadAsync("older", before, count), (after, count) => ReadAsync("newer", after, count));

    private async Task<IReadOnlyList<ChatMessage>?> ReadAsync(string direction, long from, int count)
    {
        _reads.Add($"{direction} {from} {count}");
        if (_hold is { } hold)
        {
            await hold();
        }

        if (_unreachable)
        {
            return null;
        }

        return direction == "older"
            ? [.. _log.Where(m => m.Sequence < from).TakeLast(count)]
            : [.. _log.Where(m => m.Sequence > from).Take(count)];
    }

    private static List<ChatMessage> Messages(long from, long to) =>
        [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(s => ConversationFixture.User(s))];
}
