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
    public void Regenerate_queues_another_reply_to_the_newest_user_message(ReplyStatus status)
    {
        var conversation = TestConversation.New();
        conversation.Reply(conversation.Send("older"));
        var newest = conversation.Send("newest");
        conversation.Reply(newest, status);

        var decision = conversation.Regenerate();

        decision.Outcome.ShouldBe(SendOutcome.Accepted);
        conversation.NextPending().ShouldBe(newest);
    }

    [Fact]
    public void Regenerate_is_refused_while_a_reply_is_owed_and_in_an_empty_conversation()
    {
        var empty = TestConversation.New();
        var busy = TestConversation.New();
        var waiting = busy.Send("waiting");

        var emptyDecision = empty.Regenerate();
        var busyDecision = busy.Regenerate();

        emptyDecision.Error.ShouldNotBeNull().ShouldContain("no message");
        busyDecision.Error.ShouldNotBeNull().ShouldContain("being written");
        busy.Pending.ShouldBe([waiting.Id]);
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
