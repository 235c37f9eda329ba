using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ConversationRetryTests
{
    [Theory]
    [InlineData(ReplyStatus.Failed)]
    [InlineData(ReplyStatus.Stopped)]
    public void A_message_whose_reply_failed_or_was_stopped_can_be_retried(ReplyStatus status)
    {
        var conversation = TestConversation.New();
        var question = conversation.Send("question");
        conversation.Reply(question, status);

        var would = conversation.WouldRetryReply(question.Id);
        var pendingBefore = conversation.Pending.Count;
        var decision = conversation.RetryReply(question.Id);

        (would, pendingBefore).ShouldBe((true, 0), "asking whether it would queue one queues nothing");
        decision.Outcome.ShouldBe(SendOutcome.Accepted);
        decision.Message.ShouldBe(question);
        conversation.Pending.ShouldBe([question.Id]);
        conversation.NextPending().ShouldBe(question);
    }

    [Fact]
    public void A_retry_is_queued_behind_replies_already_owed()
    {
        var conversation = TestConversation.New();
        var failed = conversation.Send("first");
        conversation.Reply(failed, ReplyStatus.Failed);
        var waiting = conversation.Send("second");

        conversation.RetryReply(failed.Id);

        conversation.Pending.ShouldBe([waiting.Id, failed.Id]);
    }

    [Fact]
    public void The_retried_reply_is_stored_beside_the_failed_one_and_the_message_then_counts_as_answered()
    {
        var conversation = TestConversation.New();
        var question = conversation.Send("question");
        conversation.Reply(question, ReplyStatus.Failed);
        conversation.RetryReply(question.Id);

        conversation.Reply(conversation.NextPending().ShouldNotBeNull(), ReplyStatus.Complete, "second try");

        conversation.RepliesTo(question).Select(r => r.Status).ShouldBe([ReplyStatus.Failed, ReplyStatus.Complete]);
        conversation.RetryReply(question.Id).Outcome.ShouldBe(SendOutcome.Rejected);
    }

    [Fact]
    public void A_message_that_already_has_a_complete_reply_cannot_be_retried()
    {
        var conversation = TestConversation.New();
        var question = conversation.Send("question");
        conversation.Reply(question);
        var before = StateCopy.Of(conversation);

        var would = conversation.WouldRetryReply(question.Id);
        var decision = conversation.RetryReply(question.Id);

        would.ShouldBeFalse("a refused request must not spend the user's allowance");
        decision.Outcome.ShouldBe(SendOutcome.Rejected);
        decision.Message.ShouldBeNull();
        decision.Error.ShouldNotBeNullOrWhiteSpace();
        before.ShouldEqual(conversation);
    }

    [Fact]
    public void Retrying_twice_while_the_retry_is_pending_queues_it_once()
    {
        var conversation = TestConversation.New();
        var question = conversation.Send("question");
        conversation.Reply(question, ReplyStatus.Failed);
        conversation.RetryReply(question.Id);
        var before = StateCopy.Of(conversation);

        var would = conversation.WouldRetryReply(question.Id);
        var again = conversation.RetryReply(question.Id);

        would.ShouldBeFalse("the duplicate queues nothing, so it spends nothing");
        again.Outcome.ShouldBe(SendOutcome.Duplicate);
        again.Message.ShouldBe(question);
        before.ShouldEqual(conversation);
    }

    [Fact]
    public void Retrying_a_message_still_waiting_for_its_first_reply_queues_nothing_more()
    {
        var conversation = TestConversation.New();
        var question = conversation.Send("question");
        var before = StateCopy.Of(conversation);

        conversation.RetryReply(question.Id).Outcome.ShouldBe(SendOutcome.Duplicate);

        before.ShouldEqual(conversation);
    }

    [Fact]
    public void Retrying_an_unknown_message_is_rejected_and_changes_nothing()
    {
        var conversation = TestConversation.New();
        conversation.Reply(conversation.Send("question"), ReplyStatus.Failed);
        var before = StateCopy.Of(conversation);

        var decision = conversation.RetryReply(MessageId.New());

        decision.Outcome.ShouldBe(SendOutcome.Rejected);
        decision.Error.ShouldNotBeNullOrWhiteSpace();
        before.ShouldEqual(conversation);
    }

    [Fact]
    public void Retrying_a_bot_message_id_is_rejected_because_only_user_messages_get_replies()
    {
        var conversation = TestConversation.New();
        var reply = conversation.Reply(conversation.Send("question"), ReplyStatus.Failed);
        var before = StateCopy.Of(conversation);

        conversation.RetryReply(reply.Id).Outcome.ShouldBe(SendOutcome.Rejected);

        before.ShouldEqual(conversation);
    }
}
