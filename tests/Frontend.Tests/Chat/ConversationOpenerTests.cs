using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

public sealed class ConversationOpenerTests : IDisposable
{
    private readonly ChatPageParts _page = new();
    private readonly ConversationOpener _opener;
    private int _switches;

    public ConversationOpenerTests()
    {
        _opener = new ConversationOpener(_page.Cluster.Client, _page.Feed, _page.View, _page.Choices, _page.Navigation, () => _switches++);
        _page.Grain.Snapshot = _page.Conversation.Snapshot(ConversationFixture.User(1));
    }

    private Guid Requested => _page.Conversation.Id.Value;

    public void Dispose() => _page.Dispose();

    [Fact]
    public async Task The_root_address_is_replaced_by_the_newest_chat_after_the_list_and_the_choices_are_read()
    {
        var newest = ConversationFixture.Summary(ConversationId.New(), "Newest");
        _page.Cluster.Users.Newest = newest;

        (await _opener.OpenAsync(null, null)).ShouldBeTrue();

        _page.Navigation.Visits.ShouldBe([(ConversationOpener.Href(newest.Id), true)]);
        _page.Feed.Conversations.ShouldBe([newest], "the list shows the chat before its stream event comes");
        _page.Feed.FollowsList.ShouldBeTrue();
        _page.Choices.Models.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_requested_chat_opens_with_a_fresh_view_and_the_page_forgets_its_notice()
    {
        (await _opener.OpenAsync(Requested, null)).ShouldBeTrue();

        _page.View.IsLoaded.ShouldBeTrue();
        _page.Feed.FollowsConversation.ShouldBeTrue();
        _switches.ShouldBe(1);
        _page.Navigation.Visits.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_search_hit_switches_to_its_version_before_the_chat_is_read()
    {
        (await _opener.OpenAsync(Requested, 7)).ShouldBeTrue();

        _page.Grain.Calls.ShouldBe(["SelectVersionAsync 7"]);
        _page.Grain.SnapshotReads.ShouldBe(1);
    }

    [Fact]
    public async Task Opening_the_open_chat_again_only_follows_what_it_lost()
    {
        await _opener.OpenAsync(Requested, null);

        (await _opener.OpenAsync(Requested, null)).ShouldBeTrue();
        _page.Grain.SnapshotReads.ShouldBe(1, "a chat still followed is not read again");

        await _page.Feed.EndSubscriptionsAsync();
        (await _opener.OpenAsync(Requested, null)).ShouldBeTrue();

        _page.Grain.SnapshotReads.ShouldBe(2);
        _page.Feed.FollowsConversation.ShouldBeTrue();
        _switches.ShouldBe(1, "the page keeps its notice and what the reader has paged in");
    }

    [Fact]
    public async Task A_cluster_that_does_not_answer_leaves_the_chat_to_be_opened_afresh_next_time()
    {
        _page.Cluster.Down = true;
        (await _opener.OpenAsync(Requested, null)).ShouldBeFalse();
        _page.Cluster.Down = false;
        _page.Grain.Unreachable = true;
        (await _opener.OpenAsync(Requested, null)).ShouldBeFalse();
        _page.Grain.Unreachable = false;

        (await _opener.OpenAsync(Requested, null)).ShouldBeTrue();

        _switches.ShouldBe(2, "the open that failed half-way is started again from a fresh view");
        _page.View.IsLoaded.ShouldBeTrue();
        _page.Cluster.Streams.Subscribers(_page.Cluster.ListStream).ShouldBe(1);
    }

    [Fact]
    public async Task A_chat_deleted_while_shown_is_left_once_for_the_newest()
    {
        await _opener.OpenAsync(Requested, null);
        _opener.LeaveIfDeleted();
        _page.Navigation.Visits.ShouldBeEmpty();

        _page.View.Apply(new ConversationDeleted(_page.Conversation.Id));
        _opener.LeaveIfDeleted();
        _opener.LeaveIfDeleted();

        _page.Navigation.Visits.ShouldBe([("/", true)]);
    }
}
