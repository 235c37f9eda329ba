using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

/// <summary>What a conversation holds in memory, and what a new activation rebuilds from the log.</summary>
public sealed class ConversationWindowTests
{
    [Fact]
    public void The_window_keeps_the_newest_messages_up_to_its_size_and_numbering_goes_on()
    {
        var conversation = TestConversation.New(windowSize: 4);
        var sent = new List<ChatMessage>();
        for (var i = 0; i < 5; i++)
        {
            var question = conversation.Send($"message {i}");
            sent.Add(question);
            sent.Add(conversation.Reply(question));
        }

        conversation.Recent.ShouldBe(sent.TakeLast(4));
        conversation.Sequence.ShouldBe(10);
        conversation.HasOlder.ShouldBeTrue();
        conversation.Send("after the window moved").Sequence.ShouldBe(11);
    }

    [Fact]
    public void A_message_owed_a_reply_stays_in_memory_however_many_come_after_it()
    {
        var conversation = TestConversation.New(windowSize: 2);
        var first = conversation.Send("first, still owed");
        for (var i = 0; i < 5; i++)
        {
            conversation.Send($"queued {i}");
        }

        conversation.Recent[0].ShouldBe(first);
        conversation.Recent.Count.ShouldBe(6);
        conversation.NextPending().ShouldBe(first);

        conversation.Reply(first);

        conversation.Recent.ShouldNotContain(first);
    }

    [Fact]
    public void Only_the_first_message_and_a_rename_need_the_state_written_not_every_message()
    {
        var conversation = TestConversation.New();
        conversation.NeedsStateWrite.ShouldBeFalse();

        var first = conversation.Send("gives the title");
        conversation.NeedsStateWrite.ShouldBeTrue();
        conversation.PrepareStateWrite();

        conversation.Reply(first);
        conversation.Reply(conversation.Send("second"));
        conversation.NeedsStateWrite.ShouldBeFalse();

        conversation.Rename("A new name").ShouldBeNull();
        conversation.NeedsStateWrite.ShouldBeTrue();
    }

    [Fact]
    public void A_new_activation_owes_exactly_the_user_messages_the_log_holds_no_reply_for_in_order()
    {
        var conversation = TestConversation.New();
        var answered = conversation.Send("answered");
        var second = conversation.Send("owed first");
        conversation.Reply(answered);
        var third = conversation.Send("owed second");
        var failed = conversation.Send("failed");
        conversation.Reply(conversation.NextPending()!);
        conversation.Reply(conversation.NextPending()!);
        conversation.Reply(conversation.NextPending()!, ReplyStatus.Failed);

        var stillOwed = conversation.Send("owed after a crash");
        var reloaded = conversation.Reloaded(conversation.Recent);

        reloaded.Pending.ShouldBe([stillOwed.Id]);
        reloaded.Sequence.ShouldBe(conversation.Sequence);
        reloaded.UpdatedAt.ShouldBe(stillOwed.CreatedAt);
        new[] { second, third, failed }.ShouldAllBe(m => !reloaded.Pending.Contains(m.Id));
    }

    [Fact]
    public async Task A_retry_stays_owed_across_activations_until_the_log_holds_a_newer_reply()
    {
        var conversation = TestConversation.New();
        var question = conversation.Send("question");
        conversation.Reply(question, ReplyStatus.Failed);
        (await conversation.RetryReplyAsync(question.Id, Allowances.Unlimited)).Outcome.ShouldBe(ChangeOutcome.Accepted);
        conversation.NeedsStateWrite.ShouldBeTrue("the request must be stored: the log alone shows the message answered");
        conversation.PrepareStateWrite();

        var beforeTheReply = conversation.Reloaded(conversation.Recent);
        beforeTheReply.Pending.ShouldBe([question.Id]);

        // The answer's row is the only write: the stored request is not removed, yet no longer owed.
        conversation.Reply(question);
        var afterTheReply = conversation.Reloaded(conversation.Recent);
        afterTheReply.Pending.ShouldBeEmpty();
        afterTheReply.State.ReplyRequests.ShouldBeEmpty();
    }

    [Fact]
    public void A_new_activation_reads_no_older_messages_than_its_window_and_knows_older_ones_exist()
    {
        var conversation = TestConversation.New();
        var log = new List<ChatMessage>();
        for (var i = 0; i < 10; i++)
        {
            var question = conversation.Send($"message {i}");
            log.Add(question);
            log.Add(conversation.Reply(question));
        }

        var reloaded = conversation.Reloaded(log, windowSize: 6);

        reloaded.Recent.ShouldBe(log.TakeLast(6));
        reloaded.HasOlder.ShouldBeTrue();
        reloaded.Pending.ShouldBeEmpty();
        reloaded.Send("next").Sequence.ShouldBe(21);
    }
}
