using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ConversationRegenerateAndRenameTests
{
    [Theory]
    [InlineData(ReplyStatus.Complete)]
    [InlineData(ReplyStatus.Stopped)]
    [InlineData(ReplyStatus.Failed)]
    public async Task Regenerate_queues_another_reply_to_the_newest_user_message(ReplyStatus status)
    {
        var conversation = TestConversation.New();
        conversation.Reply(conversation.Send("older"));
        var newest = conversation.Send("newest");
        conversation.Reply(newest, status);

        var allowance = new CountingAllowance();
        var pendingBefore = conversation.Pending.Count;
        var decision = await conversation.RegenerateAsync(allowance.TakeAsync);

        allowance.Spent.ShouldBeTrue();
        pendingBefore.ShouldBe(0, "asking whether it would queue one queues nothing");
        decision.Outcome.ShouldBe(ChangeOutcome.Accepted);
        conversation.NextPending().ShouldBe(newest);
    }

    [Fact]
    public async Task Regenerate_is_refused_while_a_reply_is_owed_and_in_an_empty_conversation()
    {
        var empty = TestConversation.New();
        var busy = TestConversation.New();
        var waiting = busy.Send("waiting");

        var emptyAllowance = new CountingAllowance();
        var busyAllowance = new CountingAllowance();
        var emptyDecision = await empty.RegenerateAsync(emptyAllowance.TakeAsync);
        var busyDecision = await busy.RegenerateAsync(busyAllowance.TakeAsync);

        (emptyAllowance.Spent, busyAllowance.Spent).ShouldBe((false, false), "a refused request must not spend the user's allowance");
        emptyDecision.Error.ShouldNotBeNull().ShouldContain("no message");
        busyDecision.Error.ShouldNotBeNull().ShouldContain("being written");
        busy.Pending.ShouldBe([waiting.Id]);
    }

    [Fact]
    public async Task Regenerating_again_and_again_keeps_one_reply_on_the_path_however_small_the_window()
    {
        var conversation = TestConversation.New(windowSize: 3);
        var question = conversation.Send("question");
        conversation.Reply(question);
        for (var i = 0; i < 4; i++)
        {
            (await conversation.RegenerateAsync(Allowances.Unlimited)).Outcome.ShouldBe(ChangeOutcome.Accepted);
            conversation.Reply(question);
        }

        conversation.Recent.Select(m => m.Role).ShouldBe([ChatRole.User, ChatRole.Assistant]);
        conversation.Path.VersionsOf(conversation.Recent[^1].Sequence).ShouldNotBeNull().Count.ShouldBe(5);
    }

    [Fact]
    public void A_renamed_conversation_keeps_its_title_when_the_first_message_arrives()
    {
        var conversation = TestConversation.New();

        conversation.Rename("Holiday plans").ShouldBeNull();
        conversation.Send("where should we go in May?");

        conversation.State.Title.ShouldBe("Holiday plans");
    }

    [Theory]
    [InlineData("  Trip\n\tto   Lisbon  ", "Trip to Lisbon")]
    [InlineData("🙂 smile", "🙂 smile")]
    public void A_title_is_one_tidy_line(string typed, string stored) =>
        TitleRules.Check(typed).ShouldBe((stored, null));

    [Theory]
    [InlineData("", "empty")]
    [InlineData(" \n ", "empty")]
    [InlineData("bell\u0007", "control character (U+0007)")]
    public void A_bad_title_is_refused_with_a_reason(string typed, string reason)
    {
        var (title, error) = TitleRules.Check(typed);

        title.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(reason);
    }

    // Built in code: xUnit's test-case serialisation would mangle a lone surrogate or a combining accent.
    [Fact]
    public void A_combining_accent_is_kept_and_a_broken_character_refused()
    {
        var combining = TitleRules.Check("Cafe\u0301 talk");
        var broken = TitleRules.Check("half \ud83d pair");

        combining.ShouldBe(("Cafe\u0301 talk", null));
        broken.Error.ShouldNotBeNull().ShouldContain("unpaired surrogate");
    }

    [Fact]
    public void A_title_over_the_limit_is_refused_with_its_length()
    {
        var (_, error) = TitleRules.Check(new string('x', TitleRules.MaxLength + 1));

        error.ShouldBe("The title is 81 characters long; the limit is 80.");
    }
}
