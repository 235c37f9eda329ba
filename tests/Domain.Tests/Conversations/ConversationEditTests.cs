using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ConversationEditTests
{
    [Fact]
    public async Task An_edit_is_a_new_version_that_follows_what_the_original_followed_and_is_owed_a_reply()
    {
        var conversation = TestConversation.New();
        var first = conversation.Send("first");
        conversation.Reply(first);
        var original = conversation.Send("secnod");
        conversation.Reply(original);

        var edit = new EditMessage(original.Id, MessageId.New(), "second");
        var decision = await conversation.EditAsync(edit, TestConversation.Start, Allowances.Unlimited);

        decision.Outcome.ShouldBe(ChangeOutcome.Accepted, decision.Error);
        var stored = decision.Message.ShouldNotBeNull();
        (stored.Sequence, stored.Parent, stored.Text).ShouldBe((5L, (long?)2, "second"));
        conversation.Recent.Select(m => m.Sequence).ShouldBe([1L, 2L, 5L], "the window is the current path");
        conversation.NextPending().ShouldBe(stored);
        conversation.ContextFor(stored.Id).Select(t => t.Text).ShouldBe(["first", "a reply", "second"]);
        conversation.State.HasForks.ShouldBeTrue();
        conversation.NeedsStateWrite.ShouldBeTrue("the state says the log has forks");
        conversation.Snapshot(new ConversationId(Guid.NewGuid()), null).Messages[^1].Versions.ShouldBe(new MessageVersions(2, 2, 3, 0));
    }

    [Fact]
    public async Task An_edit_sent_again_with_its_id_is_a_duplicate_even_once_the_reply_is_being_written()
    {
        var conversation = TestConversation.New();
        var original = conversation.Send("one");
        conversation.Reply(original);
        var edit = new EditMessage(original.Id, MessageId.New(), "uno");

        var first = await conversation.EditAsync(edit, TestConversation.Start, Allowances.Unlimited);
        var again = await conversation.EditAsync(edit, TestConversation.Start, Allowances.Unlimited);

        again.Outcome.ShouldBe(ChangeOutcome.Duplicate);
        again.Message.ShouldBe(first.Message);
        conversation.Sequence.ShouldBe(3);
    }

    [Fact]
    public async Task Bad_edits_are_refused_in_words_and_change_nothing()
    {
        var conversation = TestConversation.New(maxMessageLength: 10);
        var question = conversation.Send("question");
        var reply = conversation.Reply(question);
        var waiting = conversation.Send("waiting");
        var allowance = new CountingAllowance();

        async Task<string?> Refusal(EditMessage edit) => (await conversation.EditAsync(edit, TestConversation.Start, allowance.TakeAsync)).Error;

        (await Refusal(new EditMessage(question.Id, MessageId.New(), "q"))).ShouldBe(EditRules.WaitForReply);
        conversation.Reply(waiting);
        (await Refusal(new EditMessage(reply.Id, MessageId.New(), "no"))).ShouldNotBeNull().ShouldContain("Only your own messages");
        (await Refusal(new EditMessage(MessageId.New(), MessageId.New(), "who"))).ShouldNotBeNull().ShouldContain("cannot be edited");
        (await Refusal(new EditMessage(question.Id, MessageId.New(), "   "))).ShouldNotBeNull().ShouldContain("empty");
        (await Refusal(new EditMessage(question.Id, MessageId.New(), new string('x', 11)))).ShouldNotBeNull().ShouldContain("the limit is 10");

        allowance.Spent.ShouldBeFalse();
        conversation.Sequence.ShouldBe(4);
        conversation.Recent.Count.ShouldBe(4);
        conversation.State.HasForks.ShouldBeFalse();
    }

    [Fact]
    public async Task A_message_older_than_the_window_is_edited_from_the_path_the_log_gives_and_the_window_becomes_that_path()
    {
        var conversation = TestConversation.New(windowSize: 4);
        var log = new List<ChatMessage>();
        for (var i = 1; i <= 4; i++)
        {
            var question = conversation.Send($"m{i}");
            log.AddRange([question, conversation.Reply(question, text: $"r{i}")]);
        }

        var edit = new EditMessage(log[2].Id, MessageId.New(), "m2 fixed", OriginalSequence: 3);
        EditRules.OlderTarget(edit, conversation.Recent, conversation.Path).ShouldBe(3, "the window holds 5 to 8");
        var decision = await conversation.EditAsync(edit, TestConversation.Start, Allowances.Unlimited, older: log[..3]);

        decision.Outcome.ShouldBe(ChangeOutcome.Accepted, decision.Error);
        (decision.Message!.Sequence, decision.Message.Parent).ShouldBe((9L, (long?)2));
        conversation.Recent.Select(m => m.Sequence).ShouldBe([1L, 2L, 9L]);
        conversation.ContextFor(decision.Message.Id).Select(t => t.Text).ShouldBe(["m1", "r1", "m2 fixed"], "only the current path");
        conversation.NextPending().ShouldBe(decision.Message);
        conversation.Path.IsOnPath(3).ShouldBeFalse();
    }

    [Fact]
    public async Task An_older_edit_is_refused_when_the_log_has_another_message_there_or_none_and_changes_nothing()
    {
        var conversation = TestConversation.New(windowSize: 2);
        var first = conversation.Send("one");
        var reply = conversation.Reply(first);
        conversation.Reply(conversation.Send("two"));
        var allowance = new CountingAllowance();

        async Task<string?> Refusal(EditMessage edit, IReadOnlyList<ChatMessage>? older) =>
            (await conversation.EditAsync(edit, TestConversation.Start, allowance.TakeAsync, older)).Error;

        (await Refusal(new EditMessage(MessageId.New(), MessageId.New(), "x", OriginalSequence: 1), [first])).ShouldNotBeNull().ShouldContain("cannot be edited");
        (await Refusal(new EditMessage(first.Id, MessageId.New(), "x", OriginalSequence: 1), null)).ShouldNotBeNull().ShouldContain("cannot be edited");
        (await Refusal(new EditMessage(reply.Id, MessageId.New(), "x", OriginalSequence: 2), [first, reply])).ShouldNotBeNull().ShouldContain("Only your own");
        EditRules.OlderTarget(new EditMessage(first.Id, MessageId.New(), "x", OriginalSequence: 0), conversation.Recent, conversation.Path).ShouldBeNull();
        EditRules.OlderTarget(new EditMessage(first.Id, MessageId.New(), "x", OriginalSequence: 99), conversation.Recent, conversation.Path).ShouldBeNull();

        allowance.Spent.ShouldBeFalse();
        conversation.Sequence.ShouldBe(4);
        conversation.Recent.Select(m => m.Sequence).ShouldBe([3L, 4L]);
        conversation.State.HasForks.ShouldBeFalse();
    }

    [Fact]
    public async Task Regenerate_makes_a_new_version_of_the_reply_in_its_place()
    {
        var conversation = TestConversation.New();
        var question = conversation.Send("question");
        var first = conversation.Reply(question, text: "first answer");

        (await conversation.RegenerateAsync(Allowances.Unlimited)).Outcome.ShouldBe(ChangeOutcome.Accepted);
        conversation.Recent.ShouldBe([question], "the reply replaced leaves the path at once");
        var second = conversation.Reply(question, text: "second answer");

        (second.Sequence, second.Parent).ShouldBe((3L, (long?)1));
        conversation.Path.VersionsOf(second.Sequence).ShouldBe(new MessageVersions(2, 2, first.Sequence, 0));
        conversation.ContextFor(question.Id).Select(t => t.Text).ShouldBe(["question"]);
    }

    [Fact]
    public void Switching_versions_is_refused_while_a_reply_is_owed_or_for_a_message_that_does_not_exist()
    {
        var conversation = TestConversation.New();
        conversation.Send("waiting");

        conversation.SelectRefusal(1, out _).ShouldNotBeNull().Error.ShouldNotBeNull().ShouldContain("Wait for the reply");
        conversation.SelectRefusal(9, out _).ShouldNotBeNull().Error.ShouldNotBeNull().ShouldContain("not in this conversation");
    }
}
