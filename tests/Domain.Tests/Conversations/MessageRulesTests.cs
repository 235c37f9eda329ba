using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class MessageRulesTests
{
    private const int Max = 1_000;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" \t\r\n \n")]
    public void An_empty_or_whitespace_only_message_is_rejected(string? text)
    {
        var (stored, error) = MessageRules.Check(text, Max);

        stored.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_message_of_exactly_the_maximum_length_is_accepted_whole()
    {
        var text = new string('x', Max);

        var (stored, error) = MessageRules.Check(text, Max);

        error.ShouldBeNull();
        stored.ShouldBe(text);
    }

    [Fact]
    public void A_message_one_character_over_the_maximum_is_rejected_with_both_lengths_in_the_reason()
    {
        var (stored, error) = MessageRules.Check(new string('x', Max + 1), Max);

        stored.ShouldBeNull();
        error.ShouldNotBeNull();
        error.ShouldContain("1,001");
        error.ShouldContain("1,000");
    }

    [Fact]
    public void Windows_line_endings_are_stored_as_line_feeds()
    {
        MessageRules.Check("one\r\ntwo\r\nthree", Max).Text.ShouldBe("one\ntwo\nthree");
    }

    [Fact]
    public void The_length_limit_counts_a_line_break_as_one_character()
    {
        MessageRules.Check("ab\r\ncd", 5).Text.ShouldBe("ab\ncd");
    }

    [Fact]
    public void Tabs_newlines_and_inner_spaces_are_kept_as_typed()
    {
        const string text = "name:\tAna\n  indented   line\n\nafter a blank line";

        MessageRules.Check(text, Max).ShouldBe((text, null));
    }

    [Theory]
    [InlineData("null \u0000 char", "U+0000")]
    [InlineData("escape \u001B[31m red", "U+001B")]
    [InlineData("delete \u007F char", "U+007F")]
    [InlineData("bell \u0007 char", "U+0007")]
    [InlineData("c1 \u009B control", "U+009B")]
    public void Other_control_characters_are_rejected_naming_the_character(string text, string named)
    {
        var (stored, error) = MessageRules.Check(text, Max);

        stored.ShouldBeNull();
        error.ShouldNotBeNull();
        error.ShouldContain(named);
    }

    // Built in code: attribute arguments are stored as UTF-8, which would turn a lone surrogate into U+FFFD.
    public static TheoryData<string, string> BrokenSurrogates => new()
    {
        { "lone high surrogate", "lone high \uD83D here" },
        { "lone low surrogate", "lone low \uDE00 here" },
        { "high surrogate at the end", "high at the end \uD83D" },
        { "low surrogate at the start", "\uDE00 low at the start" },
        { "pair in the wrong order", "swapped \uDE00\uD83D pair" },
    };

    [Theory]
    [MemberData(nameof(BrokenSurrogates), DisableDiscoveryEnumeration = true)]
    public void A_broken_surrogate_is_rejected(string reason, string text)
    {
        Text.HasUnpairedSurrogate(text).ShouldBeTrue("the test data must itself hold a broken surrogate");
        var (stored, error) = MessageRules.Check(text, Max);

        stored.ShouldBeNull(reason);
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("thanks \U0001F600")]
    [InlineData("\U0001F44D\U0001F3FD")]
    [InlineData("Grüße, 日本語, مرحبا")]
    public void Emoji_and_other_scripts_are_accepted_unchanged(string text)
    {
        MessageRules.Check(text, Max).ShouldBe((text, null));
    }

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("<b>bold</b> & <i>\"quoted\"</i> &amp; <img src=x onerror=alert(1)>")]
    [InlineData("'; DROP TABLE messages; --")]
    public void Markup_and_script_text_is_accepted_as_plain_text_unchanged(string text)
    {
        MessageRules.Check(text, Max).ShouldBe((text, null));
    }
}
