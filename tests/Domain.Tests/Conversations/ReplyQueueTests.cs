using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ReplyQueueTests
{
    private static readonly DateTimeOffset Start = TestConversation.Start;

    [Fact]
    public void User_messages_held_without_a_reply_are_owed_one_oldest_first()
    {
        var answered = User(1);
        var first = User(3);
        var second = User(4);
        var recent = Recent(answered, Reply(2, answered), first, second);

        var queue = new ReplyQueue(recent, []);

        queue.Owed.ShouldBe([first.Id, second.Id]);
        queue.IsReplying.ShouldBeTrue();
        queue.Next(recent).ShouldBe(first);
    }

    [Fact]
    public void A_stored_request_still_unanswered_is_owed_and_one_answered_since_is_dropped_from_the_state()
    {
        var retried = User(1);
        var regenerated = User(3);
        List<ReplyRequest> requests = [new(retried.Id, AfterSequence: 4), new(regenerated.Id, AfterSequence: 4)];
        var recent = Recent(retried, Reply(2, retried), regenerated, Reply(4, regenerated), Reply(5, regenerated));

        var queue = new ReplyQueue(recent, requests);

        queue.Owed.ShouldBe([retried.Id]);
        requests.ShouldBe([new ReplyRequest(retried.Id, 4)], "the reply numbered 5 answered the second request");
        queue.HasRequests.ShouldBeTrue();
    }

    [Fact]
    public void A_request_for_a_message_no_longer_held_is_dropped()
    {
        List<ReplyRequest> requests = [new(MessageId.New(), AfterSequence: 9)];

        var queue = new ReplyQueue(Recent(User(10)), requests);

        requests.ShouldBeEmpty();
        queue.HasRequests.ShouldBeFalse();
    }

    [Fact]
    public void A_request_is_owed_and_stored_until_its_reply_answers_it()
    {
        var question = User(1);
        var recent = Recent(question, Reply(2, question, ReplyStatus.Failed));
        List<ReplyRequest> requests = [];
        var queue = new ReplyQueue(recent, requests);
        queue.IsReplying.ShouldBeFalse();

        queue.Request(question.Id, afterSequence: 2);

        queue.Owed.ShouldBe([question.Id]);
        requests.ShouldBe([new ReplyRequest(question.Id, 2)]);

        queue.Answered(question.Id);

        queue.Owed.ShouldBeEmpty();
        requests.ShouldBeEmpty();
        queue.Next(recent).ShouldBeNull();
    }

    [Fact]
    public void Answering_takes_only_that_message_off_the_queue()
    {
        MessageId[] sent = [MessageId.New(), MessageId.New(), MessageId.New()];
        var queue = new ReplyQueue(Recent(), []);
        foreach (var id in sent)
        {
            queue.Add(id);
        }

        queue.Answered(sent[1]);

        queue.Owed.ShouldBe([sent[0], sent[2]]);
    }

    [Fact]
    public void A_message_owed_but_no_longer_held_is_skipped_rather_than_answered_without_context()
    {
        var held = User(2);
        var recent = Recent(held);
        var queue = new ReplyQueue(recent, []);
        var lost = MessageId.New();
        queue.Answered(held.Id);
        queue.Add(lost);
        queue.Add(held.Id);

        queue.Next(recent).ShouldBe(held);
        queue.Owed.ShouldBe([held.Id], "the lost message left the queue");
    }

    private static RecentMessages Recent(params ChatMessage[] messages) => new(messages, windowSize: 32, new SentIds(TimeSpan.FromHours(1)));

    private static ChatMessage User(long sequence) => new(MessageId.New(), sequence, ChatRole.User, $"message {sequence}", Start);

    private static ChatMessage Reply(long sequence, ChatMessage to, ReplyStatus status = ReplyStatus.Complete) =>
        new(MessageId.New(), sequence, ChatRole.Assistant, "a reply", Start, to.Id, status);
}
