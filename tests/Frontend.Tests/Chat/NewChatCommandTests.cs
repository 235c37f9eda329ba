using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Frontend.Tests.Chat.Fakes;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

/// <summary>"New chat": the empty chat the list has, or a new one; and a list that missed the first message.</summary>
public sealed class NewChatCommandTests : IDisposable
{
    private static readonly ChatMessage Question = ConversationFixture.User(1, "question");

    private readonly ChatPageParts _page = new();
    private readonly ChatCommands _commands;

    public NewChatCommandTests() => _commands = _page.Commands();

    public void Dispose() => _page.Dispose();

    [Fact]
    public async Task New_chat_opens_the_empty_chat_the_list_has_rather_than_starting_another()
    {
        var empty = ConversationFixture.Summary(ConversationId.New());
        _page.Feed.Confirm(empty);

        await _commands.NewChatAsync();

        _page.Cluster.Users.Starts.ShouldBe(0);
        _page.Navigation.Visits.ShouldBe([(ConversationOpener.Href(empty.Id), false)]);
    }

    // Seen in a rolling update: the user's list event that said the open chat had its first message was lost, and
    // "New chat" opened the chat already open, again and again.
    [Fact]
    public async Task New_chat_after_a_send_starts_another_even_if_the_list_still_says_the_open_chat_is_empty()
    {
        await _page.OpenAsync(_page.Conversation.Snapshot());
        _page.Feed.Confirm(ConversationFixture.Summary(_page.Conversation.Id));
        _page.Grain.Answer = new ChangeResult(ChangeOutcome.Accepted, Question);
        _page.Cluster.Users.Conversations.Add(ConversationFixture.Summary(_page.Conversation.Id, "question", isEmpty: false));
        await _page.Cluster.Streams.PublishAsync<ConversationEvent>(FakeCluster.ConversationStream(_page.Conversation.Id), _page.Conversation.Added(Question));
        (await _commands.SendAsync(new SendMessage(Question.Id, Question.Text))).ShouldBeNull();
        _page.Feed.Conversations.ShouldHaveSingleItem().Title.ShouldBe("question", "the list is read again, with the title it missed, even after the message's own event");

        await _commands.NewChatAsync();

        _page.Cluster.Users.Starts.ShouldBe(1);
        var (href, _) = _page.Navigation.Visits.ShouldHaveSingleItem();
        href.ShouldNotBe(ConversationOpener.Href(_page.Conversation.Id));
    }

    [Fact]
    public async Task A_list_read_again_that_still_calls_the_chat_empty_after_a_send_is_corrected_by_it()
    {
        await _page.OpenAsync(_page.Conversation.Snapshot());
        _page.Feed.Confirm(ConversationFixture.Summary(_page.Conversation.Id));
        _page.Cluster.Users.Conversations.Add(ConversationFixture.Summary(_page.Conversation.Id));
        _page.Grain.Answer = new ChangeResult(ChangeOutcome.Accepted, Question);

        (await _commands.SendAsync(new SendMessage(Question.Id, Question.Text))).ShouldBeNull();

        _page.Feed.Conversations.ShouldHaveSingleItem().IsEmpty.ShouldBeFalse("the owner was not told, yet the page saw the message stored");
    }

    [Fact]
    public async Task New_chat_does_not_reopen_a_chat_listed_as_empty_whose_stream_or_snapshot_showed_a_message()
    {
        _page.Feed.Confirm(ConversationFixture.Summary(_page.Conversation.Id));
        await _page.OpenAsync(_page.Conversation.Snapshot(Question));
        _page.Feed.Conversations.ShouldHaveSingleItem().IsEmpty.ShouldBeFalse("its snapshot has a message");

        var other = new ConversationFixture();
        _page.Feed.Confirm(ConversationFixture.Summary(other.Id));
        _page.Cluster.Conversation(other.Id).Snapshot = other.Snapshot();
        (await _page.Feed.OpenAsync(other.Id)).ShouldBeTrue();
        await _page.Cluster.Streams.PublishAsync<ConversationEvent>(FakeCluster.ConversationStream(other.Id), other.Added(Question));

        _page.Feed.Conversations.ShouldAllBe(c => !c.IsEmpty);
    }

    [Fact]
    public async Task New_chat_starts_one_shows_it_in_the_list_and_opens_it()
    {
        await _commands.NewChatAsync();

        var started = _page.Feed.Conversations.ShouldHaveSingleItem();
        _page.Navigation.Visits.ShouldBe([(ConversationOpener.Href(started.Id), false)]);
        _commands.IsStarting.ShouldBeFalse();
    }

    [Fact]
    public async Task A_chat_that_cannot_be_started_leaves_a_notice_and_the_page_where_it_is()
    {
        _page.Cluster.Users.Started = new StartConversationResult(null, "You have too many chats.");
        await _commands.NewChatAsync();
        _commands.Notice.ShouldBe("You have too many chats.");

        _page.Cluster.Down = true;
        await _commands.NewChatAsync();
        _commands.Notice.ShouldBe("The chat service is unreachable. Please reload the page in a moment.");

        _page.Navigation.Visits.ShouldBeEmpty();
        _commands.ForgetNotice();
        _commands.Notice.ShouldBeNull();
    }
}
