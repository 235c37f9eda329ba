using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class RecentMessagesTests
{
    private static readonly DateTimeOffset Start = TestConversation.Start;

    [Fact]
    public void An_appended_message_takes_the_next_number_and_a_time_the_log_can_store()
    {
        var recent = new RecentMessages([], windowSize: 4, new SentIds(TimeSpan.FromHours(1)));

        var stored = recent.Append(new ChatMessage(MessageId.New(), 0, ChatRole.User, "hi", Start.AddTicks(7)), sequence: 41, owed: []);

        stored.Sequence.ShouldBe(42);
        stored.CreatedAt.ShouldBe(Start, "ticks below a microsecond are dropped, as PostgreSQL would");
        recent.Newest.ShouldBe(stored);
    }

    [Fact]
    public void Past_the_window_the_oldest_go_to_the_sent_ids_but_an_owed_message_and_those_after_it_stay()
    {
        var sent = new SentIds(TimeSpan.FromHours(1));
        var recent = new RecentMessages([], windowSize: 2, sent);
        var owed = User(recent, 0);
        User(recent, 1);
        User(recent, 2);

        recent.Count.ShouldBe(3, "the owed first message holds the window open");
        sent.Count.ShouldBe(0);

        var last = User(recent, 3, owed: []);

        recent.Items.Select(m => m.Sequence).ShouldBe([3, 4]);
        sent.Find(owed.Id, owed.Text, Start).ShouldNotBeNull("a send retried later is still recognised");
        recent.FindUserMessage(owed.Id).ShouldBeNull();
        recent.FindUserMessage(last.Id).ShouldBe(last);
    }

    [Fact]
    public void Older_history_comes_from_memory_first_and_says_how_much_more_to_read_from_the_log()
    {
        var stored = Enumerable.Range(91, 10).Select(i => new ChatMessage(MessageId.New(), i, ChatRole.User, "x", Start)).ToList();
        var recent = new RecentMessages(stored, windowSize: 10, new SentIds(TimeSpan.FromHours(1)));

        var (held, readBefore, readCount) = recent.Before(95, 50);
        held.Select(m => m.Sequence).ShouldBe([91, 92, 93, 94]);
        (readBefore, readCount).ShouldBe((91, 46));

        var (none, before, count) = recent.Before(50, 50);
        none.ShouldBeEmpty();
        (before, count).ShouldBe((50, 50), "all from the log, below the asked number");

        var (newest, _, fromLog) = recent.Before(101, 3);
        newest.Select(m => m.Sequence).ShouldBe([98, 99, 100]);
        fromLog.ShouldBe(0);
    }

    private static ChatMessage User(RecentMessages recent, long sequence, IReadOnlyCollection<MessageId>? owed = null)
    {
        var message = new ChatMessage(MessageId.New(), 0, ChatRole.User, $"m{sequence}", Start);
        var first = recent.Items.FirstOrDefault(m => m.Sequence == 1);
        return recent.Append(message, sequence, owed ?? (first is null ? [message.Id] : [first.Id]));
    }
}
