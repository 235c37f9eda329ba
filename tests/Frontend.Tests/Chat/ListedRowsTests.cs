using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

/// <summary>Which parts of a listed row the circuit sends the browser, and when it sends them again.</summary>
public sealed class ListedRowsTests
{
    private static readonly MessageMeta Meta = new("just now", null, false, true, false, Interactive: true, Replying: false);
    private readonly ListedRows _rows = new();

    [Fact]
    public void A_new_row_sends_both_parts_once_and_names_their_versions()
    {
        var message = ConversationFixture.User(7, "hello <b>there</b>");

        var versions = Render(message, Meta);
        var sent = _rows.TakeOutgoing();

        sent.Select(s => s.Part).ShouldBe([ListedRows.BodyPart, ListedRows.MetaPart]);
        sent[0].Html.ShouldBe(MessageHtml.Body(message, RetryButton.None));
        sent[1].Html.ShouldBe(MessageHtml.Meta(message, Meta));
        sent.ShouldAllBe(s => s.Sequence == 7);
        versions.ShouldBe($"7:{sent[0].Version}:{sent[1].Version}");
        Render(message, Meta).ShouldBeSameAs(versions, "unchanged, the row names the same versions");
        _rows.TakeOutgoing().ShouldBeEmpty();
    }

    [Fact]
    public void A_new_time_sends_only_the_line_and_opening_the_editor_empties_the_bubble()
    {
        var message = ConversationFixture.User(1);
        Render(message, Meta);
        var first = _rows.TakeOutgoing();

        Render(message, Meta with { Time = "1 min ago" });
        var later = _rows.TakeOutgoing().ShouldHaveSingleItem();
        later.Part.ShouldBe(ListedRows.MetaPart);
        later.Version.ShouldBeGreaterThan(first[1].Version);
        later.Html.ShouldContain("1 min ago");

        Render(message, Meta with { Time = "1 min ago" }, editing: true);
        var editing = _rows.TakeOutgoing().ShouldHaveSingleItem();
        editing.Part.ShouldBe(ListedRows.BodyPart);
        editing.Html.ShouldBeEmpty();
    }

    [Fact]
    public void The_same_message_read_again_keeps_its_versions_and_a_changed_one_gets_new_ones()
    {
        var reply = ConversationFixture.Bot(2, MessageId.New(), "first words");
        var versions = Render(reply, Meta);
        _rows.TakeOutgoing();

        Render(reply with { }, Meta).ShouldBe(versions, "a reload reads an equal record: filling the row again would move the focus");
        _rows.TakeOutgoing().ShouldBeEmpty();

        Render(reply with { Text = "other words" }, Meta).ShouldNotBe(versions);
        _rows.TakeOutgoing().Select(s => s.Part).ShouldBe([ListedRows.BodyPart, ListedRows.MetaPart]);
    }

    [Fact]
    public void Rows_asked_for_again_are_those_listed_and_a_row_left_out_of_a_render_starts_again()
    {
        var user = ConversationFixture.User(1);
        var reply = ConversationFixture.Bot(2, user.Id, "```\ncode\n```");
        _rows.BeginRender();
        var userVersions = _rows.Versions(user, RetryButton.None, false, Meta);
        _rows.Versions(reply, RetryButton.None, false, Meta);
        _rows.TakeOutgoing();
        _rows.HasCode.ShouldBeTrue();

        var again = _rows.Again([1, 99]);
        again.Select(s => (s.Sequence, s.Part)).ShouldBe([(1L, ListedRows.BodyPart), (1L, ListedRows.MetaPart)]);
        again[0].Html.ShouldBe(MessageHtml.Body(user, RetryButton.None));
        $"1:{again[0].Version}:{again[1].Version}".ShouldBe(userVersions, "what is sent again is the version the row names");

        Render(reply, Meta);
        _rows.Again([1]).ShouldBeEmpty("a message no longer listed is not sent");
        Render(user, Meta).ShouldNotBe(userVersions, "listed again, it is sent again");
        _rows.TakeOutgoing().Count.ShouldBe(2);
    }

    [Fact]
    public void A_list_made_anew_never_names_a_version_an_earlier_list_named()
    {
        var message = ConversationFixture.User(1);
        Render(message, Meta);
        var earlier = _rows.TakeOutgoing().Max(s => s.Version);

        var again = new ListedRows();
        again.BeginRender();
        again.Versions(message, RetryButton.None, false, Meta);

        again.TakeOutgoing().ShouldAllBe(s => s.Version > earlier, "the browser may still hold the earlier list's parts, keyed by sequence and version");
    }

    [Fact]
    public void Parts_go_to_the_browser_as_strings_their_names_first()
    {
        RowsScript.Arguments([new RowSlot(7, ListedRows.BodyPart, 12, "<article>a</article>"), new RowSlot(7, ListedRows.MetaPart, 13, "")])
            .ShouldBe(["7:body:12 7:meta:13", "<article>a</article>", ""]);
    }

    private string Render(ChatMessage message, MessageMeta meta, bool editing = false)
    {
        _rows.BeginRender();
        return _rows.Versions(message, RetryButton.None, editing, meta);
    }
}
