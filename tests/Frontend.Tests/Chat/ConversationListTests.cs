using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

/// <summary>The sidebar's list following what the open chat's own stream says.</summary>
public sealed class ConversationListTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ConversationSummary _open = new(ConversationId.New(), "Old title", Now);
    private readonly ConversationSummary _other = new(ConversationId.New(), "Other", Now.AddMinutes(-1));

    [Fact]
    public void A_rename_on_the_chats_stream_retitles_its_entry_only_and_keeps_the_order()
    {
        var renamed = ConversationList.Renamed([_open, _other], _open.Id, "New title");

        renamed.Select(c => c.Title).ShouldBe(["New title", "Other"]);
        renamed[0].UpdatedAt.ShouldBe(Now);
    }

    [Fact]
    public void A_rename_of_a_chat_not_listed_or_already_so_titled_leaves_the_same_list()
    {
        IReadOnlyList<ConversationSummary> shown = [_other];

        ConversationList.Renamed(shown, _open.Id, "New title").ShouldBeSameAs(shown);
        ConversationList.Renamed(shown, _other.Id, "Other").ShouldBeSameAs(shown);
    }

    [Fact]
    public void A_list_that_leaves_out_a_chat_shown_before_drops_it_but_one_that_never_had_it_does_not()
    {
        ConversationList.Drops([_open, _other], [_other], _open.Id).ShouldBeTrue();
        ConversationList.Drops([_open, _other], [_other, _open], _open.Id).ShouldBeFalse();
        ConversationList.Drops([_other], [_other], _open.Id).ShouldBeFalse("a chat just started may reach the list later");
    }

    [Fact]
    public void A_message_seen_in_a_chat_listed_as_empty_makes_its_entry_used_and_leaves_the_others()
    {
        var empty = _open with { IsEmpty = true };
        var otherEmpty = _other with { IsEmpty = true };

        var used = ConversationList.Used([empty, otherEmpty], _open.Id);

        used.Select(c => c.IsEmpty).ShouldBe([false, true]);
        used[0].Title.ShouldBe("Old title");
        IReadOnlyList<ConversationSummary> shown = [_open];
        ConversationList.Used(shown, _open.Id).ShouldBeSameAs(shown, "already used");
    }
}
