using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ConversationPathTests
{
    [Fact]
    public void A_conversation_never_edited_is_one_run_from_the_first_to_the_newest()
    {
        var path = new ConversationPath([], newest: 10);

        path.IsLinear.ShouldBeTrue();
        path.Tip.ShouldBe(10);
        path.Ranges().ShouldBe([(1L, 10L)]);
        path.ParentForNext().ShouldBeNull("the next message follows the newest, which needs no parent stored");
        path.VersionsOf(4).ShouldBeNull();
    }

    [Fact]
    public void An_edit_is_a_second_version_and_the_path_runs_through_it()
    {
        // 1 2 3 4; 3 edited as 5 (it follows 2), answered by 6.
        var path = new ConversationPath([(5, 2)], newest: 6);

        path.Ranges().ShouldBe([(1L, 2L), (5L, 6L)]);
        path.IsOnPath(3).ShouldBeFalse();
        path.IsOnPath(6).ShouldBeTrue();
        path.ChildrenOf(2).ShouldBe([3L, 5L]);
        path.VersionsOf(5).ShouldBe(new MessageVersions(2, 2, Previous: 3, Next: 0));
        path.VersionsOf(3, onPath: false).ShouldBe(new MessageVersions(1, 2, Previous: 0, Next: 5, OnCurrentPath: false));
        path.VersionsOf(6).ShouldBeNull("the reply after an edit has one version");
    }

    [Fact]
    public void Switching_to_an_older_version_follows_its_newest_branch_and_the_next_message_continues_it()
    {
        var path = new ConversationPath([(5, 2)], newest: 6);

        path.MoveTip(path.NewestLeafUnder(3));
        path.Tip.ShouldBe(4);
        path.Ranges().ShouldBe([(1L, 4L)]);
        path.ParentForNext().ShouldBe(4);

        path.Added(new ChatMessage(MessageId.New(), 7, ChatRole.User, "on", TestConversation.Start, Parent: 4));
        path.Tip.ShouldBe(7, "a message added after a switch is the new end");
        path.Ranges().ShouldBe([(1L, 4L), (7L, 7L)]);
        path.ChildrenOf(4).ShouldBe([7L]);
    }

    [Fact]
    public void A_switch_stored_in_the_state_survives_a_reload_until_a_message_is_added()
    {
        var reloaded = new ConversationPath([(5, 2)], newest: 6, selectedTip: 4, selectedAt: 6);
        var continued = new ConversationPath([(5, 2), (7, 4)], newest: 7, selectedTip: 4, selectedAt: 6);

        reloaded.Tip.ShouldBe(4);
        continued.Tip.ShouldBe(7);
    }

    [Fact]
    public void The_first_message_edited_starts_a_path_of_its_own()
    {
        var path = new ConversationPath([(3, 0)], newest: 4);

        path.Ranges().ShouldBe([(3L, 4L)]);
        path.ChildrenOf(0).ShouldBe([1L, 3L]);
        path.VersionsOf(3).ShouldBe(new MessageVersions(2, 2, 1, 0));
    }
}
