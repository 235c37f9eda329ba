using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ContextWindowTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ChatMessage User(string text) => new(MessageId.New(), 0, ChatRole.User, text, At);

    private static ChatMessage Bot(ChatMessage question, string text, ReplyStatus status = ReplyStatus.Complete) =>
        new(MessageId.New(), 0, ChatRole.Assistant, text, At, question.Id, status, "offline");

    [Fact]
    public void The_turns_come_oldest_first_with_their_roles_ending_with_the_message_answered()
    {
        var q1 = User("hello");
        var a1 = Bot(q1, "hi there");
        var q2 = User("how are you");

        var turns = ContextWindow.Build([q1, a1, q2], q2.Id, 1_000);

        turns.ShouldBe([new(ChatRole.User, "hello"), new(ChatRole.Assistant, "hi there"), new(ChatRole.User, "how are you")]);
    }

    [Fact]
    public void Only_the_newest_messages_that_fit_the_budget_are_kept()
    {
        var q1 = User(new string('1', 10));
        var a1 = Bot(q1, new string('2', 10));
        var q2 = User(new string('3', 10));
        var a2 = Bot(q2, new string('4', 10));
        var q3 = User(new string('5', 10));

        var turns = ContextWindow.Build([q1, a1, q2, a2, q3], q3.Id, 35);

        turns.Select(t => t.Text).ShouldBe([q2.Text, a2.Text, q3.Text]);
        turns.Sum(t => t.Text.Length).ShouldBeLessThanOrEqualTo(35);
    }

    [Fact]
    public void An_older_message_is_not_taken_once_a_newer_one_did_not_fit()
    {
        var q1 = User("tiny");
        var a1 = Bot(q1, new string('x', 50));
        var q2 = User("question");

        var turns = ContextWindow.Build([q1, a1, q2], q2.Id, 20);

        turns.ShouldBe([new(ChatRole.User, "question")]);
    }

    [Fact]
    public void Failed_replies_are_left_out_and_do_not_use_the_budget()
    {
        var q1 = User("first");
        var failed = Bot(q1, new string('f', 100), ReplyStatus.Failed);
        var retried = Bot(q1, "answer");
        var q2 = User("second");

        var turns = ContextWindow.Build([q1, failed, retried, q2], q2.Id, 30);

        turns.Select(t => t.Text).ShouldBe(["first", "answer", "second"]);
    }

    [Fact]
    public void Messages_with_empty_text_are_left_out()
    {
        var q1 = User("first");
        var empty = Bot(q1, "", ReplyStatus.Stopped);
        var q2 = User("second");

        var turns = ContextWindow.Build([q1, empty, q2], q2.Id, 1_000);

        turns.Select(t => t.Text).ShouldBe(["first", "second"]);
    }

    [Fact]
    public void The_message_answered_is_always_included_cut_to_the_budget_when_it_alone_exceeds_it()
    {
        var earlier = User("earlier");
        var target = User("0123456789abcdefghijXYZ");

        var turns = ContextWindow.Build([earlier, target], target.Id, 20);

        turns.ShouldBe([new(ChatRole.User, "0123456789abcdefghij")]);
    }

    [Fact]
    public void The_message_answered_that_fits_exactly_is_kept_whole()
    {
        var target = User(new string('x', 20));

        ContextWindow.Build([target], target.Id, 20).ShouldBe([new(ChatRole.User, target.Text)]);
    }

    [Fact]
    public void Messages_after_the_one_answered_are_left_out()
    {
        var q1 = User("first");
        var q2 = User("second");
        var a1 = Bot(q1, "answer to first");
        var q3 = User("third");

        var turns = ContextWindow.Build([q1, q2, a1, q3], q2.Id, 1_000);

        turns.Select(t => t.Text).ShouldBe(["first", "second"]);
    }

    [Fact]
    public void An_unknown_message_gives_an_empty_context()
    {
        var q1 = User("first");

        ContextWindow.Build([q1, Bot(q1, "answer")], MessageId.New(), 1_000).ShouldBeEmpty();
    }

    [Fact]
    public void A_bot_message_id_is_not_a_message_to_answer_and_gives_an_empty_context()
    {
        var q1 = User("first");
        var a1 = Bot(q1, "answer");

        ContextWindow.Build([q1, a1], a1.Id, 1_000).ShouldBeEmpty();
    }

    [Fact]
    public void The_conversation_builds_its_context_with_the_configured_budget()
    {
        var conversation = TestConversation.New(contextBudget: 100);
        var q1 = conversation.Send(new string('a', 60));
        conversation.Reply(q1, text: new string('b', 30));
        var q2 = conversation.Send(new string('c', 50));

        conversation.ContextFor(q2.Id).Select(t => t.Text).ShouldBe([new string('b', 30), q2.Text]);
    }
}
