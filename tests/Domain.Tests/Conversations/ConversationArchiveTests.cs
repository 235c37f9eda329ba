using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ConversationArchiveTests
{
    [Fact]
    public void Nothing_is_archived_while_the_window_holds_less_than_two_pages()
    {
        var conversation = TestConversation.New(pageSize: 3);
        for (var i = 0; i < 5; i++)
        {
            conversation.Send($"message {i}");
        }

        conversation.PageToArchive().ShouldBeNull();
    }

    [Fact]
    public void When_the_window_holds_two_pages_the_oldest_page_is_offered_for_the_archive_without_changing_the_state()
    {
        var conversation = TestConversation.New(pageSize: 3);
        var sent = Enumerable.Range(0, 6).Select(i => conversation.Send($"message {i}")).ToList();
        var before = StateCopy.Of(conversation.State);

        var page = conversation.PageToArchive().ShouldNotBeNull();

        page.PageIndex.ShouldBe(0);
        page.Messages.ShouldBe(sent.Take(3));
        before.ShouldEqual(conversation.State);
    }

    [Fact]
    public void Confirming_the_archive_removes_exactly_one_page_and_counts_it()
    {
        var conversation = TestConversation.New(pageSize: 3);
        var sent = Enumerable.Range(0, 7).Select(i => conversation.Send($"message {i}")).ToList();

        conversation.ConfirmArchived(conversation.PageToArchive().ShouldNotBeNull().PageIndex);

        conversation.State.Recent.ShouldBe(sent.Skip(3));
        conversation.State.ArchivedPages.ShouldBe(1);
        conversation.State.Sequence.ShouldBe(7);
    }

    [Fact]
    public void A_stale_or_unknown_page_index_is_ignored()
    {
        var conversation = TestConversation.New(pageSize: 2);
        for (var i = 0; i < 6; i++)
        {
            conversation.Send($"message {i}");
        }

        conversation.ConfirmArchived(0);
        var before = StateCopy.Of(conversation.State);

        conversation.ConfirmArchived(0);
        conversation.ConfirmArchived(2);
        conversation.ConfirmArchived(-1);

        before.ShouldEqual(conversation.State);
    }

    [Fact]
    public void The_next_page_is_offered_with_the_next_index_once_the_window_again_holds_two_pages()
    {
        var conversation = TestConversation.New(pageSize: 2);
        var sent = Enumerable.Range(0, 4).Select(i => conversation.Send($"message {i}")).ToList();
        conversation.ConfirmArchived(conversation.PageToArchive().ShouldNotBeNull().PageIndex);
        conversation.PageToArchive().ShouldBeNull();

        sent.Add(conversation.Send("message 4"));
        sent.Add(conversation.Send("message 5"));
        var page = conversation.PageToArchive().ShouldNotBeNull();

        page.PageIndex.ShouldBe(1);
        page.Messages.ShouldBe(sent.Skip(2).Take(2));
    }

    [Fact]
    public void Numbering_continues_without_gaps_after_a_page_is_archived()
    {
        var conversation = TestConversation.New(pageSize: 2);
        for (var i = 0; i < 4; i++)
        {
            conversation.Send($"message {i}");
        }

        conversation.ConfirmArchived(0);

        conversation.Send("after the archive").Sequence.ShouldBe(5);
    }
}
