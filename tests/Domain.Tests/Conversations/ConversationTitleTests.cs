using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ConversationTitleTests
{
    [Fact]
    public void A_new_conversation_has_no_title()
    {
        TestConversation.New().State.Title.ShouldBe("");
    }

    [Fact]
    public void The_title_is_the_first_line_of_the_first_message()
    {
        var conversation = TestConversation.New();

        conversation.Send("  Plan a trip to Lisbon   \nWe have three days\nand a small budget");

        conversation.State.Title.ShouldBe("Plan a trip to Lisbon");
    }

    [Fact]
    public void A_first_line_of_exactly_60_characters_is_kept_whole()
    {
        var conversation = TestConversation.New();
        var line = new string('a', 60);

        conversation.Send(line + "\nmore");

        conversation.State.Title.ShouldBe(line);
    }

    [Fact]
    public void A_longer_first_line_is_cut_to_60_characters_ending_with_an_ellipsis()
    {
        var conversation = TestConversation.New();
        var line = string.Concat(Enumerable.Range(0, 10).Select(i => $"word{i} ")) + "end";

        conversation.Send(line);

        var title = conversation.State.Title;
        title.Length.ShouldBeLessThanOrEqualTo(60);
        title.ShouldEndWith("…");
        line.ShouldStartWith(title[..^1]);
        title.Length.ShouldBeGreaterThan(50);
    }

    [Fact]
    public void Cutting_the_title_never_splits_an_emoji_into_a_broken_character()
    {
        var conversation = TestConversation.New();

        // The emoji's two UTF-16 halves sit at positions 58 and 59, across the cut.
        conversation.Send(new string('a', 58) + "\U0001F600" + " and some more words after it");

        var title = conversation.State.Title;
        title.ShouldEndWith("…");
        title.Length.ShouldBeLessThanOrEqualTo(60);
        Text.HasUnpairedSurrogate(title).ShouldBeFalse($"title \"{title}\" holds half of a surrogate pair");
    }

    [Fact]
    public void Later_messages_never_change_the_title()
    {
        var conversation = TestConversation.New();
        var first = conversation.Send("First topic");
        conversation.Reply(first);

        conversation.Send("A completely different second topic");
        conversation.Send("And a third");

        conversation.State.Title.ShouldBe("First topic");
    }
}
