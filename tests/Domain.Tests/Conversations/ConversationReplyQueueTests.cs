using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ConversationReplyQueueTests
{
    [Fact]
    public void Every_accepted_user_message_is_queued_for_a_reply_in_the_order_sent()
    {
        var conversation = TestConversation.New();

        var a = conversation.Send("a");
        var b = conversation.Send("b");
        var c = conversation.Send("c");

        conversation.Pending.ShouldBe([a.Id, b.Id, c.Id]);
        conversation.NextPending().ShouldBe(a);
    }

    [Fact]
    public void Working_through_the_queue_stores_exactly_one_reply_per_user_message_in_order()
    {
        var conversation = TestConversation.New();
        ChatMessage[] sent = [conversation.Send("a"), conversation.Send("b"), conversation.Send("c")];
        var answered = new List<MessageId>();

        for (var guard = 0; conversation.NextPending() is { } next; guard++)
        {
            guard.ShouldBeLessThan(sent.Length, "the queue never emptied");
            answered.Add(next.Id);
            conversation.Reply(next, text: "reply to " + next.Text);
        }

        answered.ShouldBe(sent.Select(m => m.Id));
        foreach (var message in sent)
        {
            conversation.RepliesTo(message).Select(r => r.Text).ShouldBe(["reply to " + message.Text]);
        }

        conversation.Pending.ShouldBeEmpty();
    }

    [Fact]
    public void Adding_a_reply_takes_exactly_that_message_off_the_queue()
    {
        var conversation = TestConversation.New();
        var a = conversation.Send("a");
        var b = conversation.Send("b");
        var c = conversation.Send("c");

        conversation.Reply(b);

        conversation.Pending.ShouldBe([a.Id, c.Id]);
    }

    [Fact]
    public void A_stored_reply_is_an_assistant_message_answering_the_user_message()
    {
        var conversation = TestConversation.New();
        var question = conversation.Send("question");

        var reply = conversation.AddReply(question.Id, "partial answer", "gpt-test", ReplyStatus.Failed, "timed out", TestConversation.Start.AddSeconds(3));

        reply.Role.ShouldBe(ChatRole.Assistant);
        reply.ReplyTo.ShouldBe(question.Id);
        reply.Text.ShouldBe("partial answer");
        reply.Model.ShouldBe("gpt-test");
        reply.Status.ShouldBe(ReplyStatus.Failed);
        reply.Error.ShouldBe("timed out");
        reply.Id.ShouldNotBe(question.Id);
        reply.Sequence.ShouldBe(2);
        conversation.Recent[^1].ShouldBe(reply);
        conversation.UpdatedAt.ShouldBe(TestConversation.Start.AddSeconds(3));
    }

    [Fact]
    public void Nothing_is_pending_in_a_conversation_whose_messages_are_all_answered()
    {
        var conversation = TestConversation.New();
        conversation.Reply(conversation.Send("a"));
        var before = StateCopy.Of(conversation);

        conversation.NextPending().ShouldBeNull();
        before.ShouldEqual(conversation);
    }
}
