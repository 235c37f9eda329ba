using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

/// <summary>How the view follows renames, deletion, stops and regenerations, and what it announces.</summary>
public sealed class ConversationViewChangesTests
{
    private readonly ConversationFixture _c = new();

    [Fact]
    public void A_rename_changes_the_title_shown()
    {
        var view = _c.Loaded(_c.Snapshot());

        view.Apply(new ConversationRenamed(_c.Id, "Renamed")).ShouldBe(Frontend.Chat.ViewUpdate.Applied);

        view.Title.ShouldBe("Renamed");
    }

    [Fact]
    public void A_settings_change_from_another_tab_replaces_the_model_instructions_and_note_shown()
    {
        var removed = new ConversationSettings("alpha", "", "The model this chat used (“gone”) is no longer offered; replies now come from Alpha.");
        var view = _c.Loaded(_c.Snapshot() with { Settings = removed });

        view.Apply(new SettingsChanged(_c.Id, new ConversationSettings("beta", "Be brief."))).ShouldBe(Frontend.Chat.ViewUpdate.Applied);

        view.Settings.ShouldBe(new ConversationSettings("beta", "Be brief."));
    }

    [Fact]
    public void A_settings_change_made_while_the_snapshot_loads_wins_over_the_older_snapshot_and_another_chats_is_ignored()
    {
        var view = new Frontend.Chat.ConversationView();
        view.Reset(_c.Id);
        var load = view.BeginLoad();

        view.Apply(new SettingsChanged(_c.Id, new ConversationSettings("beta", "New.")));
        view.Load(load, _c.Snapshot() with { Settings = new ConversationSettings("alpha", "Old.") });
        var other = view.Apply(new SettingsChanged(ConversationId.New(), new ConversationSettings("alpha", "Other chat.")));

        (view.Settings, other).ShouldBe((new ConversationSettings("beta", "New."), Frontend.Chat.ViewUpdate.Ignored));
    }

    [Fact]
    public void Deletion_empties_the_view_and_says_so()
    {
        var user = ConversationFixture.User(1);
        var view = _c.Loaded(_c.Snapshot(user));

        view.Apply(new ConversationDeleted(_c.Id));

        (view.IsDeleted, view.NotFound, view.IsLoaded, view.Messages.Count).ShouldBe((true, true, false, 0));
    }

    [Fact]
    public void A_shown_chat_whose_reload_finds_it_gone_counts_as_deleted_though_its_event_was_missed()
    {
        var view = _c.Loaded(_c.Snapshot(ConversationFixture.User(1)));

        view.Load(view.BeginLoad(), null).ShouldBe(Frontend.Chat.ViewUpdate.Applied);

        (view.IsDeleted, view.NotFound, view.IsLoaded, view.Messages.Count).ShouldBe((true, true, false, 0));
    }

    [Fact]
    public void A_deletion_heard_while_a_first_load_runs_counts_as_deleted_but_a_chat_never_there_is_only_not_found()
    {
        var deleted = new Frontend.Chat.ConversationView();
        deleted.Reset(_c.Id);
        var load = deleted.BeginLoad();
        deleted.Apply(new ConversationDeleted(_c.Id));
        deleted.Load(load, null);
        var missing = new Frontend.Chat.ConversationView();
        missing.Reset(_c.Id);
        missing.Load(missing.BeginLoad(), null);

        (deleted.IsDeleted, deleted.NotFound).ShouldBe((true, true));
        (missing.IsDeleted, missing.NotFound).ShouldBe((false, true));
    }

    [Fact]
    public void A_reply_arriving_live_is_announced_but_one_loaded_with_the_snapshot_is_not()
    {
        var user = ConversationFixture.User(1, "q");
        var loaded = _c.Loaded(_c.Snapshot(user, ConversationFixture.Bot(2, user.Id, "old answer")));
        var next = ConversationFixture.User(3, "q2");
        loaded.Apply(_c.Added(next));

        var announcedBefore = loaded.Announcement;
        loaded.Apply(_c.Completed(ConversationFixture.Bot(4, next.Id, "new answer")));

        announcedBefore.ShouldBeEmpty();
        loaded.Announcement.ShouldBe("The bot replied: new answer");
    }

    [Fact]
    public void Two_identical_replies_in_a_row_are_each_a_change_of_the_announcement_so_both_are_read_out()
    {
        var first = ConversationFixture.User(1, "ping");
        var view = _c.Loaded(_c.Snapshot(first));
        view.Apply(_c.Completed(ConversationFixture.Bot(2, first.Id, "pong")));
        var announcedFirst = view.Announcement;
        var second = ConversationFixture.User(3, "ping");
        view.Apply(_c.Added(second));

        view.Apply(_c.Completed(ConversationFixture.Bot(4, second.Id, "pong")));

        announcedFirst.ShouldBe("The bot replied: pong");
        view.Announcement.ShouldNotBe(announcedFirst);
        view.Announcement.Trim().ShouldBe("The bot replied: pong");
    }

    [Fact]
    public void Only_the_newest_reply_offers_regenerate_and_not_while_the_bot_is_writing()
    {
        var first = ConversationFixture.User(1);
        var firstReply = ConversationFixture.Bot(2, first.Id);
        var second = ConversationFixture.User(3);
        var secondReply = ConversationFixture.Bot(4, second.Id, status: ReplyStatus.Stopped);
        var view = _c.Loaded(_c.Snapshot(first, firstReply, second, secondReply));

        var before = (view.IsRegenerable(firstReply), view.IsRegenerable(secondReply), view.IsReplying);
        view.Apply(_c.Added(ConversationFixture.User(5)));

        before.ShouldBe((false, true, false));
        (view.IsRegenerable(secondReply), view.IsReplying).ShouldBe((false, true));
    }

    [Fact]
    public void A_stopped_reply_ends_the_reply_in_progress_and_is_announced_as_stopped()
    {
        var user = ConversationFixture.User(1);
        var view = _c.Loaded(_c.Snapshot(new ReplyInProgress(user.Id, "par", "offline"), user));

        view.Apply(_c.Completed(ConversationFixture.Bot(2, user.Id, "partial", ReplyStatus.Stopped)));

        (view.InProgress, view.IsReplying, view.Announcement).ShouldBe((null, false, "The reply was stopped."));
    }
}
