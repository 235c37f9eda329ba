using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;
using static ChatbotOrleans.Frontend.Tests.Chat.ConversationFixture;

namespace ChatbotOrleans.Frontend.Tests.Chat;

/// <summary>A press reaches the list from markup that may be a render behind: what it asks is checked against the view.</summary>
public sealed class MessageActionsTests
{
    private readonly ConversationFixture _c = new();

    [Fact]
    public void Edit_is_offered_on_a_user_message_until_a_reply_is_being_written()
    {
        var question = User(1);
        var answer = Bot(2, question.Id);
        var view = _c.Loaded(_c.Snapshot(question, answer));

        MessageActions.Offers(view, question, Press("edit", 1)).ShouldBeTrue();
        MessageActions.Offers(view, answer, Press("edit", 2)).ShouldBeFalse("a reply is not edited");

        var next = User(3);
        view.Apply(_c.Added(next));
        view.Apply(_c.Delta(next.Id, 0, "Hel"));
        MessageActions.Offers(view, question, Press("edit", 1)).ShouldBeFalse("pressed on a line rendered before the reply began");
    }

    [Fact]
    public void Retry_and_regenerate_follow_what_the_view_offers_now()
    {
        var question = User(1);
        var failed = Bot(2, question.Id, "Hel", ReplyStatus.Failed);
        var view = _c.Loaded(_c.Snapshot(question, failed));

        MessageActions.Offers(view, failed, Press("retry", 2)).ShouldBeTrue();
        MessageActions.Offers(view, failed, Press("regenerate", 2)).ShouldBeFalse("a failed reply offers Retry instead");

        view.Apply(_c.Delta(question.Id, 0, "Again"));
        MessageActions.Offers(view, failed, Press("retry", 2)).ShouldBeFalse("its retry is being written");
    }

    [Fact]
    public void A_version_press_is_taken_only_for_the_version_next_to_the_one_shown()
    {
        var edited = User(5) with { Versions = new MessageVersions(2, 3, Previous: 3, Next: 7) };
        var view = _c.Loaded(_c.Snapshot(edited, Bot(6, edited.Id)));

        MessageActions.Offers(view, edited, Press("version-previous", 5, target: 3)).ShouldBeTrue();
        MessageActions.Offers(view, edited, Press("version-next", 5, target: 7)).ShouldBeTrue();
        MessageActions.Offers(view, edited, Press("version-next", 5, target: 9)).ShouldBeFalse("a version the line no longer names");
        MessageActions.Offers(view, edited, Press("version-next", 5, target: 0)).ShouldBeFalse();
        MessageActions.Offers(view, edited, Press("delete", 5)).ShouldBeFalse("no such action");
    }

    private static MessageActionEventArgs Press(string action, long sequence, long target = 0) =>
        new() { Action = action, Sequence = sequence, Target = target };
}
