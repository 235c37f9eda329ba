using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ConversationSnapshotTests
{
    private static readonly ConversationId Id = new(Guid.Parse("0191a6c0-0000-7000-8000-0000000000c1"));

    [Fact]
    public void An_empty_conversation_snapshots_as_sequence_zero_with_no_messages()
    {
        var snapshot = TestConversation.New().Snapshot(Id, null);

        snapshot.ShouldBe(new ConversationSnapshot(Id, "", 0, snapshot.Messages, false, null, 0));
        snapshot.Messages.ShouldBeEmpty();
    }

    [Fact]
    public void The_snapshot_holds_the_title_sequence_window_reply_in_progress_and_queue_length()
    {
        var conversation = TestConversation.New();
        var first = conversation.Send("First question");
        conversation.Reply(first);
        var second = conversation.Send("Second question");
        conversation.Send("Third question");
        var inProgress = new ReplyInProgress(second.Id, "Half an ans", "offline");

        var snapshot = conversation.Snapshot(Id, inProgress);

        snapshot.Id.ShouldBe(Id);
        snapshot.Title.ShouldBe("First question");
        snapshot.Sequence.ShouldBe(4);
        snapshot.Messages.ShouldBe(conversation.Recent);
        snapshot.HasOlder.ShouldBeFalse();
        snapshot.InProgress.ShouldBe(inProgress);
        snapshot.QueuedReplies.ShouldBe(2);
    }

    [Fact]
    public void The_snapshot_says_older_messages_exist_once_the_window_moved_past_the_first()
    {
        var conversation = TestConversation.New(windowSize: 2);
        conversation.Reply(conversation.Send("message 0"));
        conversation.Reply(conversation.Send("message 1"));

        var snapshot = conversation.Snapshot(Id, null);

        snapshot.HasOlder.ShouldBeTrue();
        snapshot.Messages.Select(m => m.Sequence).ShouldBe([3L, 4L]);
        snapshot.Sequence.ShouldBe(4);
    }

    [Fact]
    public void A_snapshot_does_not_change_when_the_conversation_goes_on()
    {
        var conversation = TestConversation.New();
        conversation.Send("first");
        var snapshot = conversation.Snapshot(Id, null);

        conversation.Send("second");

        snapshot.Messages.Count.ShouldBe(1);
    }
}
