using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

public sealed class ChatCommandsTests : IDisposable
{
    private static readonly ChatMessage Question = ConversationFixture.User(1, "question");

    private readonly ChatPageParts _page = new();
    private readonly ChatCommands _commands;

    public ChatCommandsTests() => _commands = _page.Commands();

    public void Dispose() => _page.Dispose();

    [Fact]
    public async Task A_send_with_no_chat_open_asks_nothing_of_the_cluster()
    {
        (await _commands.SendAsync(new SendMessage(MessageId.New(), "hello"))).ShouldBe("No conversation is open.");
        (await _commands.ConfigureAsync(new ConversationSetup(null, "Be brief."))).ShouldBe("No conversation is open.");

        _page.Grain.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_sent_message_shows_at_once_without_waiting_for_its_event()
    {
        await _page.OpenAsync(_page.Conversation.Snapshot(Question));
        var sent = ConversationFixture.User(2, "follow-up");
        _page.Grain.Answer = new ChangeResult(ChangeOutcome.Accepted, sent);

        (await _commands.SendAsync(new SendMessage(sent.Id, sent.Text))).ShouldBeNull();

        _page.View.Messages.ShouldBe([Question, sent]);
        _page.Grain.SnapshotReads.ShouldBe(1);
    }

    [Fact]
    public async Task An_edit_that_forks_the_chat_reloads_what_is_shown()
    {
        await _page.OpenAsync(_page.Conversation.Snapshot(Question));
        _page.Grain.Answer = new ChangeResult(ChangeOutcome.Accepted, ConversationFixture.User(2, "better question") with { Parent = 0 });

        (await _commands.EditAsync(Question, "better question")).ShouldBeNull();

        _page.Grain.Calls.ShouldBe(["EditAsync better question"]);
        _page.Grain.SnapshotReads.ShouldBe(2);
    }

    [Theory]
    [InlineData("You are sending too fast.", "You are sending too fast.")]
    [InlineData(null, "The message was not sent.")]
    public async Task A_refused_send_says_why_to_the_composer(string? error, string shown)
    {
        await _page.OpenAsync(_page.Conversation.Snapshot(Question));
        _page.Grain.Answer = ChangeResult.Refused(error);

        (await _commands.SendAsync(new SendMessage(MessageId.New(), "hello"))).ShouldBe(shown);
        _commands.Notice.ShouldBeNull("the composer shows it, not the page");
    }

    [Fact]
    public async Task A_preset_started_on_the_open_empty_chat_configures_it_and_reloads_it_in_place()
    {
        await _page.OpenAsync(_page.Conversation.Snapshot());
        _page.Feed.Confirm(ConversationFixture.Summary(_page.Conversation.Id));

        await _commands.StartFromPresetAsync(new ChatPreset("Brief", "Be brief.", ModelId: "withdrawn"));

        _page.Grain.Calls.ShouldBe(["ConfigureAsync /Be brief."], "a model no longer offered gives way to the default");
        _page.Grain.SnapshotReads.ShouldBe(2);
        _page.Navigation.Visits.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_version_is_shown_by_reloading_even_when_the_switch_was_refused()
    {
        await _page.OpenAsync(_page.Conversation.Snapshot(Question));
        _page.Grain.Answer = ChangeResult.Refused(null);

        await _commands.SelectVersionAsync(1);

        _commands.Notice.ShouldBe("That version could not be shown.");
        _page.Grain.SnapshotReads.ShouldBe(2);
    }

    [Fact]
    public async Task A_regenerated_reply_reloads_only_when_it_was_asked_for()
    {
        await _page.OpenAsync(_page.Conversation.Snapshot(Question));
        _page.Grain.Answer = ChangeResult.Refused("The bot is still replying.");
        await _commands.RegenerateAsync();
        _commands.Notice.ShouldBe("The bot is still replying.");
        _page.Grain.SnapshotReads.ShouldBe(1);

        _page.Grain.Answer = ChangeResult.Done;
        await _commands.RegenerateAsync();
        _commands.Notice.ShouldBeNull();
        _page.Grain.SnapshotReads.ShouldBe(2);
    }

    [Fact]
    public async Task A_retry_asks_again_for_the_reply_to_the_failed_replys_question()
    {
        var failed = ConversationFixture.Bot(2, Question.Id, status: ReplyStatus.Failed);
        await _page.OpenAsync(_page.Conversation.Snapshot(Question, failed));

        await _commands.RetryAsync(failed);
        await _commands.RetryAsync(Question);

        _page.Grain.Calls.ShouldBe([$"RetryReplyAsync {Question.Id}"], "only a reply names the question it answers");
    }

    [Fact]
    public async Task Stop_waits_for_its_answer_with_its_button_held()
    {
        await _page.OpenAsync(_page.Conversation.Snapshot(Question));
        var answer = new TaskCompletionSource<ChangeResult>();
        _page.Grain.Held = answer.Task;

        var stopping = _commands.StopAsync();
        _commands.IsStopping.ShouldBeTrue();
        answer.SetResult(ChangeResult.Refused("Nothing to stop."));
        await stopping;

        _commands.IsStopping.ShouldBeFalse();
        _commands.Notice.ShouldBe("Nothing to stop.");
    }

    [Fact]
    public async Task Deleting_the_open_chat_leaves_it_and_deleting_another_stays()
    {
        await _page.OpenAsync(_page.Conversation.Snapshot(Question));

        (await _commands.DeleteAsync(ConversationId.New())).ShouldBeNull();
        _page.Navigation.Visits.ShouldBeEmpty();

        (await _commands.DeleteAsync(_page.Conversation.Id)).ShouldBeNull();
        _page.Navigation.Visits.ShouldBe([("/", true)]);
    }

    [Fact]
    public async Task A_refused_delete_or_rename_says_why_and_the_chat_stays()
    {
        await _page.OpenAsync(_page.Conversation.Snapshot(Question));
        _page.Grain.Answer = ChangeResult.Refused("Not yours.");

        (await _commands.DeleteAsync(_page.Conversation.Id)).ShouldBe("Not yours.");
        (await _commands.RenameAsync(_page.Conversation.Id, "Mine")).ShouldBe("Not yours.");

        _page.Navigation.Visits.ShouldBeEmpty();
    }

    [Fact]
    public async Task New_settings_show_at_once_and_refused_ones_do_not()
    {
        await _page.OpenAsync(_page.Conversation.Snapshot(Question));
        await _page.Choices.LoadAsync();

        (await _commands.ConfigureAsync(new ConversationSetup(null, "  Be brief.\r\n"))).ShouldBeNull();
        _page.View.Settings.ShouldBe(new ConversationSettings("offline", "Be brief."));

        _page.Grain.Answer = ChangeResult.Refused("Those instructions are too long.");
        (await _commands.ConfigureAsync(new ConversationSetup(null, "Ramble."))).ShouldBe("Those instructions are too long.");
        _page.View.Settings.ShouldBe(new ConversationSettings("offline", "Be brief."));
    }
}
