using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;
using static ChatbotOrleans.Frontend.Tests.Chat.ConversationFixture;

namespace ChatbotOrleans.Frontend.Tests.Chat;

/// <summary>
/// A press reaches the list from markup that may be a render behind: what it asks is checked against the view
/// (<see cref="MessageActions"/>). Then Edit opens the editor in the list, and the other buttons go to the page one
/// press at a time (<see cref="MessagePresses"/>).
/// </summary>
public sealed class MessageActionsTests
{
    private readonly ConversationFixture _c = new();
    private readonly List<string> _calls = [];
    private Func<Task> _pageAnswer = () => Task.CompletedTask;
    private string? _editError;

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

    [Fact]
    public async Task Retry_regenerate_and_a_version_go_to_the_page_with_what_they_are_about()
    {
        var question = User(1);
        var failed = Bot(2, question.Id, "Hel", ReplyStatus.Failed);
        var presses = Presses();

        await PressAsync(presses, [question, failed], Press("retry", 2));
        await PressAsync(presses, [question, Bot(2, question.Id)], Press("regenerate", 2));
        var edited = User(5) with { Versions = new MessageVersions(2, 2, Previous: 3, Next: 0) };
        await PressAsync(presses, [edited, Bot(6, edited.Id)], Press("version-previous", 5, target: 3));

        _calls.ShouldBe([$"retry {failed.Id}", "regenerate", "version 3"]);
    }

    [Fact]
    public async Task A_press_the_view_no_longer_offers_or_on_a_message_no_longer_shown_does_nothing()
    {
        var question = User(1);
        var answer = Bot(2, question.Id);
        var presses = Presses();

        await PressAsync(presses, [question, answer], Press("retry", 2));
        await PressAsync(presses, [question, answer], Press("regenerate", 9));
        await PressAsync(presses, [question, answer], Press("edit", 2));

        _calls.ShouldBeEmpty();
        presses.Editing.ShouldBeNull();
    }

    [Fact]
    public async Task A_press_while_the_page_handles_another_is_ignored()
    {
        var question = User(1);
        var answer = Bot(2, question.Id);
        var release = new TaskCompletionSource();
        _pageAnswer = () => release.Task;
        var presses = Presses();
        var view = _c.Loaded(_c.Snapshot(question, answer));

        var first = presses.PressAsync(view, view.Messages, Press("regenerate", 2));
        await presses.PressAsync(view, view.Messages, Press("regenerate", 2));
        await presses.PressAsync(view, view.Messages, Press("edit", 1));
        release.SetResult();
        await first;
        await presses.PressAsync(view, view.Messages, Press("regenerate", 2));

        _calls.ShouldBe(["regenerate", "regenerate"]);
        presses.Editing.ShouldBeNull("the edit was pressed while the first regenerate was handled");
    }

    [Fact]
    public async Task Edit_opens_the_message_in_the_editor_until_it_is_cancelled()
    {
        var question = User(1);
        var presses = Presses();

        await PressAsync(presses, [question, Bot(2, question.Id)], Press("edit", 1));
        presses.Editing.ShouldBe(question.Id);
        presses.IsEditing(question).ShouldBeTrue();
        presses.CancelEdit();

        presses.Editing.ShouldBeNull();
        _calls.ShouldBeEmpty("opening the editor is the list's own");
    }

    [Fact]
    public async Task A_stored_edit_closes_the_editor_and_a_refused_one_keeps_it_open_with_the_reason()
    {
        var question = User(1);
        var presses = Presses();
        await PressAsync(presses, [question, Bot(2, question.Id)], Press("edit", 1));

        _editError = "The message is too long.";
        (await presses.SaveEditAsync(question, "a very long text")).ShouldBe("The message is too long.");
        presses.IsEditing(question).ShouldBeTrue();

        _editError = null;
        (await presses.SaveEditAsync(question, "shorter")).ShouldBeNull();
        presses.IsEditing(question).ShouldBeFalse();
        _calls.ShouldBe(["edit a very long text", "edit shorter"]);
    }

    private MessagePresses Presses() => new(
        message => Page($"retry {message.Id}"),
        () => Page("regenerate"),
        target => Page($"version {target}"),
        (_, text) =>
        {
            _calls.Add($"edit {text}");
            return Task.FromResult(_editError);
        });

    private Task Page(string call)
    {
        _calls.Add(call);
        return _pageAnswer();
    }

    private Task PressAsync(MessagePresses presses, ChatMessage[] messages, MessageActionEventArgs press)
    {
        var view = _c.Loaded(_c.Snapshot(messages));
        return presses.PressAsync(view, view.Messages, press);
    }

    private static MessageActionEventArgs Press(string action, long sequence, long target = 0) =>
        new() { Action = action, Sequence = sequence, Target = target };
}
