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
    public void Deletion_empties_the_view_and_says_so()
    {
        var user = ConversationFixture.User(1);
        var view = _c.Loaded(_c.Snapshot(user));

        view.Apply(new ConversationDeleted(_c.Id));

        (view.IsDeleted, view.NotFound, view.IsLoaded, view.Messages.Count).ShouldBe((true, true, false, 0));
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
