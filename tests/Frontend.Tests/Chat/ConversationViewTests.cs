using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;
using static ChatbotOrleans.Frontend.Tests.Chat.ConversationFixture;

namespace ChatbotOrleans.Frontend.Tests.Chat;

public sealed class ConversationViewTests
{
    private readonly ConversationFixture _c = new();

    [Fact]
    public void Load_sets_sequence_messages_and_reply_in_progress()
    {
        var question = User(1);
        var view = _c.Loaded(_c.Snapshot(new ReplyInProgress(question.Id, "Hel", "offline"), question));

        view.IsLoaded.ShouldBeTrue();
        view.Sequence.ShouldBe(1);
        view.Messages.ShouldBe([question]);
        view.InProgress!.Text.ShouldBe("Hel");
        view.Title.ShouldBe("Title");
    }

    [Fact]
    public void Next_durable_message_is_appended()
    {
        var view = _c.Loaded(_c.Snapshot(User(1)));
        var next = User(2);

        view.Apply(_c.Added(next)).ShouldBe(ViewUpdate.Applied);

        view.Sequence.ShouldBe(2);
        view.Messages[^1].ShouldBe(next);
    }

    [Fact]
    public void A_new_version_or_another_tab_switching_versions_reloads_the_path_shown()
    {
        var question = User(1);
        var view = _c.Loaded(_c.Snapshot(question, Bot(2, question.Id)));

        view.Apply(_c.Completed(Bot(3, question.Id) with { Parent = 1 })).ShouldBe(ViewUpdate.ReloadNeeded, "a regenerated reply replaces the one shown");
        view.Apply(new VersionSelected(_c.Id, 2)).ShouldBe(ViewUpdate.ReloadNeeded);
        view.Messages.Count.ShouldBe(2, "nothing is appended below");
    }

    [Fact]
    public void A_sent_message_confirmed_by_the_call_is_shown_once_and_its_stream_event_then_changes_nothing()
    {
        var first = User(1);
        var view = _c.Loaded(_c.Snapshot(first));
        var sent = User(2);

        view.Confirm(sent).ShouldBe(ViewUpdate.Applied);
        view.Apply(_c.Added(sent)).ShouldBe(ViewUpdate.Ignored);

        view.Messages.ShouldBe([first, sent]);
    }

    [Fact]
    public void A_confirmation_during_a_load_is_left_to_the_snapshot_and_the_buffered_events()
    {
        var first = User(1);
        var view = _c.Loaded(_c.Snapshot(first));
        view.BeginLoad();

        view.Confirm(User(2)).ShouldBe(ViewUpdate.Ignored);

        view.Messages.ShouldBe([first]);
    }

    [Fact]
    public void Duplicate_durable_message_is_ignored()
    {
        var first = User(1);
        var view = _c.Loaded(_c.Snapshot(first));

        view.Apply(_c.Added(first)).ShouldBe(ViewUpdate.Ignored);
        view.Apply(_c.Added(first with { Sequence = 0 })).ShouldBe(ViewUpdate.Ignored);

        view.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public void Gap_in_sequence_asks_for_a_reload_and_changes_nothing()
    {
        var view = _c.Loaded(_c.Snapshot(User(1)));

        view.Apply(_c.Added(User(3))).ShouldBe(ViewUpdate.ReloadNeeded);

        view.Sequence.ShouldBe(1);
        view.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public void Out_of_order_events_ask_for_a_reload_then_the_late_one_is_a_duplicate_of_the_reload()
    {
        var one = User(1);
        var two = User(2);
        var three = User(3);
        var view = _c.Loaded(_c.Snapshot(one));

        view.Apply(_c.Added(three)).ShouldBe(ViewUpdate.ReloadNeeded);
        view.Load(view.BeginLoad(), _c.Snapshot(one, two, three)).ShouldBe(ViewUpdate.Applied);
        view.Apply(_c.Added(two)).ShouldBe(ViewUpdate.Ignored);

        view.Messages.Select(m => m.Sequence).ShouldBe([1L, 2L, 3L]);
    }

    [Fact]
    public void Events_during_the_load_are_buffered_and_applied_on_top_of_the_snapshot()
    {
        var question = User(1);
        var answer = Bot(2, question.Id, "Hello there");
        var view = new ConversationView();
        view.Reset(_c.Id);
        var token = view.BeginLoad();

        view.Apply(_c.Delta(question.Id, 0, "Hel")).ShouldBe(ViewUpdate.Ignored);
        view.Apply(_c.Delta(question.Id, 3, "lo")).ShouldBe(ViewUpdate.Ignored);
        view.Apply(_c.Added(question)).ShouldBe(ViewUpdate.Ignored);
        view.Messages.ShouldBeEmpty();

        view.Load(token, _c.Snapshot(new ReplyInProgress(question.Id, "Hel", "offline"), question)).ShouldBe(ViewUpdate.Applied);

        view.Messages.ShouldBe([question]);
        view.InProgress!.Text.ShouldBe("Hello");
        view.Apply(_c.Completed(answer)).ShouldBe(ViewUpdate.Applied);
        view.InProgress.ShouldBeNull();
        view.Messages.ShouldBe([question, answer]);
    }

    [Fact]
    public void A_gap_among_buffered_events_asks_for_a_reload()
    {
        var view = new ConversationView();
        view.Reset(_c.Id);
        var token = view.BeginLoad();
        view.Apply(_c.Added(User(5)));

        view.Load(token, _c.Snapshot(User(1))).ShouldBe(ViewUpdate.ReloadNeeded);
    }

    [Fact]
    public void Only_the_newest_load_counts()
    {
        var view = new ConversationView();
        view.Reset(_c.Id);
        var stale = view.BeginLoad();
        var current = view.BeginLoad();

        view.Load(stale, _c.Snapshot(User(1))).ShouldBe(ViewUpdate.Ignored);
        view.Load(current, _c.Snapshot(User(1), User(2))).ShouldBe(ViewUpdate.Applied);

        view.Sequence.ShouldBe(2);
    }

    [Fact]
    public void Reload_keeps_showing_the_old_messages_until_the_snapshot_arrives()
    {
        var view = _c.Loaded(_c.Snapshot(User(1)));

        view.BeginLoad();

        view.IsLoaded.ShouldBeTrue();
        view.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public void Missing_conversation_is_reported_as_not_found()
    {
        var view = new ConversationView();
        view.Reset(_c.Id);

        view.Load(view.BeginLoad(), null).ShouldBe(ViewUpdate.Applied);

        view.NotFound.ShouldBeTrue();
        view.IsLoaded.ShouldBeFalse();
    }

    [Fact]
    public void Switching_conversations_ignores_events_of_the_old_one()
    {
        var view = _c.Loaded(_c.Snapshot(User(1)));
        var other = new ConversationFixture();
        view.Reset(other.Id);
        var token = view.BeginLoad();

        view.Apply(_c.Added(User(2))).ShouldBe(ViewUpdate.Ignored);
        view.Load(token, _c.Snapshot(User(1), User(2))).ShouldBe(ViewUpdate.Ignored);
        view.Load(token, other.Snapshot(User(1, "elsewhere"))).ShouldBe(ViewUpdate.Applied);
        view.Apply(_c.Added(User(2))).ShouldBe(ViewUpdate.Ignored);
        view.Apply(_c.Delta(MessageId.New(), 0, "stray")).ShouldBe(ViewUpdate.Ignored);

        view.ConversationId.ShouldBe(other.Id);
        view.Messages.Single().Text.ShouldBe("elsewhere");
        view.InProgress.ShouldBeNull();
    }

    [Fact]
    public void Switching_conversations_forgets_the_old_one_at_once()
    {
        var view = _c.Loaded(_c.Snapshot(User(1)));

        view.Reset(ConversationId.New());

        view.Messages.ShouldBeEmpty();
        view.Sequence.ShouldBe(0);
        view.IsLoaded.ShouldBeFalse();
    }

    [Fact]
    public void Awaiting_reply_while_the_newest_message_is_the_users()
    {
        var question = User(1);
        var view = _c.Loaded(_c.Snapshot(question));

        view.AwaitingReply.ShouldBeTrue();
        view.Apply(_c.Delta(question.Id, 0, "H"));
        view.AwaitingReply.ShouldBeFalse();
    }
}
