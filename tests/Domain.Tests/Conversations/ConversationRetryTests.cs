using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ConversationRetryTests
{
    [Theory]
    [InlineData(ReplyStatus.Failed)]
    [InlineData(ReplyStatus.Stopped)]
    public async Task A_message_whose_reply_failed_or_was_stopped_can_be_retried(ReplyStatus status)
    {
        var conversation = TestConversation.New();
        var question = conversation.Send("question");
        conversation.Reply(question, status);

        var allowance = new CountingAllowance();
        var pendingBefore = conversation.Pending.Count;
        var decision = await conversation.RetryReplyAsync(question.Id, allowance.TakeAsync);

        (allowance.Spent, pendingBefore).ShouldBe((true, 0), "asking whether it would queue one queues nothing");
        decision.Outcome.ShouldBe(ChangeOutcome.Accepted);
        decision.Message.ShouldBe(question);
        conversation.Pending.ShouldBe([question.Id]);
        conversation.NextPending().ShouldBe(question);
    }

    [Fact]
    public async Task A_retry_is_queued_behind_replies_already_owed()
    {
        var conversation = TestConversation.New();
        var failed = conversation.Send("first");
        conversation.Reply(failed, ReplyStatus.Failed);
        var waiting = conversation.Send("second");

        await conversation.RetryReplyAsync(failed.Id, Allowances.Unlimited);

        conversation.Pending.ShouldBe([waiting.Id, failed.Id]);
    }

    [Fact]
    public async Task The_retried_reply_is_stored_beside_the_failed_one_and_the_message_then_counts_as_answered()
    {
        var conversation = TestConversation.New();
        var question = conversation.Send("question");
        conversation.Reply(question, ReplyStatus.Failed);
        await conversation.RetryReplyAsync(question.Id, Allowances.Unlimited);

        conversation.Reply(conversation.NextPending().ShouldNotBeNull(), ReplyStatus.Complete, "second try");

        conversation.RepliesTo(question).Select(r => r.Status).ShouldBe([ReplyStatus.Failed, ReplyStatus.Complete]);
        (await conversation.RetryReplyAsync(question.Id, Allowances.Unlimited)).Outcome.ShouldBe(ChangeOutcome.Rejected);
    }

    [Fact]
    public async Task A_message_that_already_has_a_complete_reply_cannot_be_retried()
    {
        var conversation = TestConversation.New();
        var question = conversation.Send("question");
        conversation.Reply(question);
        var before = StateCopy.Of(conversation);

        var allowance = new CountingAllowance();
        var decision = await conversation.RetryReplyAsync(question.Id, allowance.TakeAsync);

        allowance.Spent.ShouldBeFalse("a refused request must not spend the user's allowance");
        decision.Outcome.ShouldBe(ChangeOutcome.Rejected);
        decision.Message.ShouldBeNull();
        decision.Error.ShouldNotBeNullOrWhiteSpace();
        before.ShouldEqual(conversation);
    }

    [Fact]
    public async Task Retrying_twice_while_the_retry_is_pending_queues_it_once()
    {
        var conversation = TestConversation.New();
        var question = conversation.Send("question");
        conversation.Reply(question, ReplyStatus.Failed);
        await conversation.RetryReplyAsync(question.Id, Allowances.Unlimited);
        var before = StateCopy.Of(conversation);

        var allowance = new CountingAllowance();
        var again = await conversation.RetryReplyAsync(question.Id, allowance.TakeAsync);

        allowance.Spent.ShouldBeFalse("the duplicate queues nothing, so it spends nothing");
        again.Outcome.ShouldBe(ChangeOutcome.Duplicate);
        again.Message.ShouldBe(question);
        before.ShouldEqual(conversation);
    }

    [Fact]
    public async Task Retrying_a_message_still_waiting_for_its_first_reply_queues_nothing_more()
    {
        var conversation = TestConversation.New();
        var question = conversation.Send("question");
        var before = StateCopy.Of(conversation);

        (await conversation.RetryReplyAsync(question.Id, Allowances.Unlimited)).Outcome.ShouldBe(ChangeOutcome.Duplicate);

        before.ShouldEqual(conversation);
    }

    [Fact]
    public async Task Retrying_an_unknown_message_is_rejected_and_changes_nothing()
    {
        var conversation = TestConversation.New();
        conversation.Reply(conversation.Send("question"), ReplyStatus.Failed);
        var before = StateCopy.Of(conversation);

        var decision = await conversation.RetryReplyAsync(MessageId.New(), Allowances.Unlimited);

        decision.Outcome.ShouldBe(ChangeOutcome.Rejected);
        decision.Error.ShouldNotBeNullOrWhiteSpace();
        before.ShouldEqual(conversation);
    }

    [Fact]
    public async Task Retrying_a_bot_message_id_is_rejected_because_only_user_messages_get_replies()
    {
        var conversation = TestConversation.New();
        var reply = conversation.Reply(conversation.Send("question"), ReplyStatus.Failed);
        var before = StateCopy.Of(conversation);

        (await conversation.RetryReplyAsync(reply.Id, Allowances.Unlimited)).Outcome.ShouldBe(ChangeOutcome.Rejected);

        before.ShouldEqual(conversation);
    }
}
