using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

/// <summary>A page telling from the list events' versions that it missed a whole list.</summary>
public sealed class ListVersionTests : IDisposable
{
    private static readonly UserId Someone = new(Guid.NewGuid());
    private readonly ChatPageParts _page = new();
    private readonly ConversationSummary _first = ConversationFixture.Summary(ConversationId.New(), "first", isEmpty: false);
    private readonly ConversationSummary _second = ConversationFixture.Summary(ConversationId.New(), "started in another tab");

    public void Dispose() => _page.Dispose();

    [Fact]
    public void A_moved_chat_after_the_whole_list_it_goes_on_from_follows_and_one_after_a_later_list_does_not()
    {
        var version = new ListVersion();

        version.Follows(Whole(3)).ShouldBeTrue();
        version.Follows(Moved(3)).ShouldBeTrue();
        version.Follows(Moved(4)).ShouldBeFalse("whole list 4 never came");
        version.Follows(Moved(4)).ShouldBeTrue("the list was read again after 4");
        version.Follows(Whole(6)).ShouldBeTrue("a whole list says everything, whatever came before it");
    }

    [Fact]
    public void A_moved_chat_before_any_whole_list_has_the_list_read_once_and_older_silos_never()
    {
        var version = new ListVersion();

        version.Follows(Moved(7)).ShouldBeFalse("the list read on opening has no version: a whole list may have been lost before");
        version.Follows(Moved(7)).ShouldBeTrue();
        new ListVersion().Follows(Moved(0)).ShouldBeTrue("silos older than the version send 0");
        var old = new ListVersion();
        old.Follows(Whole(0)).ShouldBeTrue();
        old.Follows(Moved(0)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_page_whose_whole_list_was_lost_reads_the_list_again_at_the_next_moved_chat()
    {
        _page.Cluster.Users.Conversations.Add(_first);
        (await _page.Feed.FollowListAsync()).ShouldBeTrue();
        await PublishAsync(new ConversationListChanged(Someone, [_first], Version: 1));

        // Whole list 2 (another tab started a chat) is lost; the first chat's next message goes on from it.
        _page.Cluster.Users.Conversations.Insert(0, _second);
        await PublishAsync(new ConversationListChanged(Someone, [_first with { UpdatedAt = _first.UpdatedAt.AddMinutes(1) }], true, 2));

        _page.Feed.Conversations.ShouldBe([_second, _first], "read again, as the user's grain has it");
    }

    [Fact]
    public async Task A_moved_chat_that_goes_on_from_the_list_shown_moves_without_a_read()
    {
        _page.Cluster.Users.Conversations.Add(_first);
        (await _page.Feed.FollowListAsync()).ShouldBeTrue();
        await PublishAsync(new ConversationListChanged(Someone, [_second, _first], Version: 1));
        var moved = _first with { UpdatedAt = _first.UpdatedAt.AddMinutes(1) };

        await PublishAsync(new ConversationListChanged(Someone, [moved], true, 1));

        _page.Feed.Conversations.ShouldBe([moved, _second]);
    }

    private static ConversationListChanged Whole(long version) => new(Someone, [], Version: version);

    private static ConversationListChanged Moved(long version) => new(Someone, [], OnlyChanged: true, version);

    private Task PublishAsync(ConversationListChanged changed) => _page.Cluster.Streams.PublishAsync(_page.Cluster.ListStream, changed);
}
