using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ConversationSendTests
{
    [Fact]
    public void Messages_and_replies_are_numbered_1_2_3_without_gaps_in_the_order_they_are_stored()
    {
        var conversation = TestConversation.New();

        var first = conversation.Send("first");
        var second = conversation.Send("second");
        conversation.Reply(first);
        var third = conversation.Send("third");
        conversation.Reply(second, ReplyStatus.Failed);
        conversation.Reply(third);

        conversation.Recent.Select(m => m.Sequence).ShouldBe([1L, 2L, 3L, 4L, 5L, 6L]);
        conversation.Sequence.ShouldBe(6);
    }

    [Fact]
    public async Task The_stored_user_message_keeps_the_client_id_the_text_and_the_time()
    {
        var conversation = TestConversation.New();
        var id = MessageId.New();
        var at = TestConversation.Start.AddMinutes(5);

        var decision = await conversation.AddUserMessageAsync(new SendMessage(id, "hello"), at, Allowances.Unlimited);

        decision.Outcome.ShouldBe(ChangeOutcome.Accepted);
        var stored = decision.Message.ShouldNotBeNull();
        stored.ShouldBe(new ChatMessage(id, 1, ChatRole.User, "hello", at));
        conversation.Recent.ShouldBe([stored]);
        conversation.UpdatedAt.ShouldBe(at);
    }

    [Fact]
    public async Task Sending_the_same_message_id_again_returns_duplicate_with_the_first_stored_message_and_changes_nothing()
    {
        var conversation = TestConversation.New();
        var id = MessageId.New();
        var first = (await conversation.AddUserMessageAsync(new SendMessage(id, "hello"), TestConversation.Start, Allowances.Unlimited)).Message;
        var before = StateCopy.Of(conversation);

        var again = await conversation.AddUserMessageAsync(new SendMessage(id, "hello, edited"), TestConversation.Start.AddMinutes(1), Allowances.Unlimited);

        again.Outcome.ShouldBe(ChangeOutcome.Duplicate);
        again.Message.ShouldBe(first);
        again.Error.ShouldBeNull();
        before.ShouldEqual(conversation);
    }

    [Fact]
    public async Task A_send_retried_after_the_window_has_let_it_go_is_a_duplicate_until_the_idempotency_period_ends()
    {
        var conversation = TestConversation.New(windowSize: 4);
        var first = conversation.Send("first");
        conversation.Reply(first);
        for (var i = 0; i < 6; i++)
        {
            conversation.Reply(conversation.Send($"more {i}"));
        }

        var within = await conversation.AddUserMessageAsync(new SendMessage(first.Id, "first"), TestConversation.Start.AddMinutes(59), Allowances.Unlimited);
        var after = await conversation.AddUserMessageAsync(new SendMessage(first.Id, "first"), TestConversation.Start.AddMinutes(61), Allowances.Unlimited);

        conversation.Recent.ShouldNotContain(first, "the window holds the newest 4 messages");
        within.Outcome.ShouldBe(ChangeOutcome.Duplicate);
        within.Message.ShouldBe(first);
        after.Outcome.ShouldBe(ChangeOutcome.Accepted, "an hour later (the default period) the id is no longer remembered");
    }

    [Fact]
    public async Task A_new_activation_remembers_the_sends_before_its_window_that_it_is_given()
    {
        var log = new List<ChatMessage>();
        var conversation = TestConversation.New(windowSize: 4);
        var first = conversation.Send("first");
        log.AddRange([first, conversation.Reply(first)]);
        for (var i = 0; i < 3; i++)
        {
            var sent = conversation.Send($"more {i}");
            log.AddRange([sent, conversation.Reply(sent)]);
        }

        var reloaded = new Conversation(conversation.State, [.. log.TakeLast(4)], new ConversationOptions { WindowSize = 4 }, [.. log.SkipLast(4)]);
        var again = await reloaded.AddUserMessageAsync(new SendMessage(first.Id, "first"), TestConversation.Start, Allowances.Unlimited);

        again.Outcome.ShouldBe(ChangeOutcome.Duplicate);
        again.Message.ShouldBe(first);
        reloaded.Sequence.ShouldBe(8);
    }

    [Fact]
    public async Task Resending_a_message_that_was_already_answered_does_not_queue_a_second_reply()
    {
        var conversation = TestConversation.New();
        var message = conversation.Send("hello");
        conversation.Reply(message);
        var before = StateCopy.Of(conversation);

        var again = await conversation.AddUserMessageAsync(new SendMessage(message.Id, "hello"), TestConversation.Start, Allowances.Unlimited);

        again.Outcome.ShouldBe(ChangeOutcome.Duplicate);
        conversation.NextPending().ShouldBeNull();
        before.ShouldEqual(conversation);
    }

    [Fact]
    public async Task A_duplicate_or_rejected_send_does_not_use_up_a_sequence_number()
    {
        var conversation = TestConversation.New();
        var first = conversation.Send("first");

        await conversation.AddUserMessageAsync(new SendMessage(first.Id, "first"), TestConversation.Start, Allowances.Unlimited);
        await conversation.AddUserMessageAsync(new SendMessage(MessageId.New(), "   "), TestConversation.Start, Allowances.Unlimited);
        var second = conversation.Send("second");

        second.Sequence.ShouldBe(2);
    }

    [Fact]
    public async Task A_message_without_an_id_is_rejected_with_a_reason()
    {
        var conversation = TestConversation.New();

        var decision = await conversation.AddUserMessageAsync(new SendMessage(new MessageId(Guid.Empty), "hello"), TestConversation.Start, Allowances.Unlimited);

        decision.Outcome.ShouldBe(ChangeOutcome.Rejected);
        decision.Message.ShouldBeNull();
        decision.Error.ShouldNotBeNullOrWhiteSpace();
        conversation.Recent.ShouldBeEmpty();
    }

    public static TheoryData<string, string> RejectedSends => new()
    {
        { "no id", "hello" },
        { "empty", "" },
        { "whitespace", " \t\r\n " },
        { "too long", new string('x', 101) },
        { "control character", "bell\u0007" },
        { "broken character", "half \uD83D" },
    };

    [Theory]
    [MemberData(nameof(RejectedSends))]
    public async Task A_rejected_send_changes_nothing_in_the_state(string reason, string text)
    {
        var conversation = TestConversation.New(maxMessageLength: 100);
        var earlier = conversation.Send("the first message sets the title");
        conversation.Reply(earlier, ReplyStatus.Failed);
        await conversation.RetryReplyAsync(earlier.Id, Allowances.Unlimited);
        var before = StateCopy.Of(conversation);
        var id = reason == "no id" ? new MessageId(Guid.Empty) : MessageId.New();

        var decision = await conversation.AddUserMessageAsync(new SendMessage(id, text), TestConversation.Start.AddHours(1), Allowances.Unlimited);

        decision.Outcome.ShouldBe(ChangeOutcome.Rejected, reason);
        decision.Message.ShouldBeNull();
        decision.Error.ShouldNotBeNullOrWhiteSpace();
        before.ShouldEqual(conversation);
    }

    [Fact]
    public async Task A_rejected_first_message_leaves_the_title_empty_so_the_next_accepted_one_sets_it()
    {
        var conversation = TestConversation.New(maxMessageLength: 10);

        await conversation.AddUserMessageAsync(new SendMessage(MessageId.New(), "far too long for the limit"), TestConversation.Start, Allowances.Unlimited);
        conversation.State.Title.ShouldBe("");
        conversation.Send("short");

        conversation.State.Title.ShouldBe("short");
    }

}
