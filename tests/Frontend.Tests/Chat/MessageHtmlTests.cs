using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Frontend.Tests.Markdown;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

/// <summary>A listed message as the HTML the list inserts, parsed back as a browser would.</summary>
public sealed class MessageHtmlTests
{
    private static readonly MessageMeta Idle = new("3 min ago", null, false, false, false, Interactive: true, Replying: false);

    [Fact]
    public void A_user_message_that_looks_like_markup_shows_as_the_text_typed_in_any_script()
    {
        var typed = "<script>alert(1)</script> & \"quoted\" <img src=x onerror=alert(2)>\nsecond line, 日本語 ✓";
        var body = SafeMarkup.Parse(MessageHtml.Body(ConversationFixture.User(7, typed), null, RetryButton.None));

        body.QuerySelectorAll("script, img").Length.ShouldBe(0);
        body.QuerySelector("p.text")!.TextContent.ShouldBe(typed);
        MessageHtml.Body(ConversationFixture.User(7, "日本語"), null, RetryButton.None).ShouldContain("日本語", Case.Sensitive, "letters are not escaped into entities");
        var article = body.QuerySelector("article")!;
        (article.GetAttribute("class"), article.GetAttribute("data-role"), article.GetAttribute("data-sequence"), article.GetAttribute("aria-label"))
            .ShouldBe(("message user", "user", "7", "You"));
    }

    [Fact]
    public void A_failed_reply_says_why_in_words_and_offers_retry_only_when_asked_and_pressable_only_when_connected()
    {
        var failed = ConversationFixture.Bot(8, MessageId.New(), "", ReplyStatus.Failed) with { Error = "The model <timed out> & gave up." };

        var enabled = SafeMarkup.Parse(MessageHtml.Body(failed, null, RetryButton.Enabled));
        enabled.QuerySelector("[data-testid=reply-error]")!.TextContent.ShouldBe("The model <timed out> & gave up.");
        var retry = enabled.QuerySelector("button[data-testid=retry]")!;
        (retry.GetAttribute("data-action"), retry.GetAttribute("data-sequence"), retry.HasAttribute("disabled")).ShouldBe(("retry", "8", false));
        SafeMarkup.Parse(MessageHtml.Body(failed, null, RetryButton.Disabled)).QuerySelector("[data-testid=retry]")!.HasAttribute("disabled").ShouldBeTrue();
        SafeMarkup.Parse(MessageHtml.Body(failed, null, RetryButton.None)).QuerySelector("[data-testid=retry]").ShouldBeNull();
        enabled.QuerySelector("article")!.GetAttribute("class").ShouldBe("message assistant failed");
    }

    [Fact]
    public void A_reply_stopped_before_any_word_says_so_and_a_written_one_shows_its_rendered_markdown()
    {
        var stopped = ConversationFixture.Bot(4, MessageId.New(), "", ReplyStatus.Stopped);
        SafeMarkup.Parse(MessageHtml.Body(stopped, null, RetryButton.None)).QuerySelector("[data-testid=stopped]")!.TextContent
            .ShouldBe("Stopped before the bot wrote anything.");

        var reply = SafeMarkup.Parse(MessageHtml.Body(ConversationFixture.Bot(4, MessageId.New(), "**hi**"), "<p><strong>hi</strong></p>", RetryButton.None));
        reply.QuerySelector("[data-testid=markdown] strong")!.TextContent.ShouldBe("hi");
    }

    [Fact]
    public void The_line_under_a_message_offers_versions_and_edit_which_wait_while_a_reply_is_written()
    {
        var message = ConversationFixture.User(5) with { Versions = new MessageVersions(2, 3, Previous: 3, Next: 9) };

        var idle = SafeMarkup.Parse(MessageHtml.Meta(message, Idle with { Editable = true }));
        idle.QuerySelector("[data-testid=version-label]")!.TextContent.ShouldBe("2/3");
        var previous = idle.QuerySelector("[data-testid=version-previous]")!;
        (previous.GetAttribute("data-action"), previous.GetAttribute("data-sequence"), previous.GetAttribute("data-target")).ShouldBe(("version-previous", "5", "3"));
        idle.QuerySelectorAll("button:disabled").Length.ShouldBe(0);
        idle.QuerySelector("[data-testid=edit]")!.HasAttribute("title").ShouldBeFalse();

        var replying = SafeMarkup.Parse(MessageHtml.Meta(message, Idle with { Editable = true, Replying = true }));
        replying.QuerySelectorAll("button:disabled").Select(b => b.GetAttribute("data-testid")).ShouldBe(["version-previous", "version-next", "edit"]);
        replying.QuerySelector("[data-testid=edit]")!.GetAttribute("title").ShouldBe("Wait for the reply to finish or stop it before editing.");

        var first = message with { Versions = new MessageVersions(1, 3, Previous: 0, Next: 9) };
        SafeMarkup.Parse(MessageHtml.Meta(first, Idle)).QuerySelectorAll("button:disabled").Select(b => b.GetAttribute("data-testid")).ShouldBe(["version-previous"]);
    }

    [Fact]
    public void The_line_under_a_reply_names_its_model_encoded_its_tokens_and_regenerate_disabled_until_connected()
    {
        var reply = ConversationFixture.Bot(6, MessageId.New(), model: "gpt") with { Usage = new TokenUsage(1200, 34, Estimated: false) };

        var line = SafeMarkup.Parse(MessageHtml.Meta(reply, Idle with { Model = "<b>My</b> model", Regenerable = true, Interactive = false }));

        line.QuerySelector("[data-testid=reply-model]")!.TextContent.ShouldBe("<b>My</b> model");
        line.QuerySelector("b").ShouldBeNull();
        line.QuerySelector("[data-testid=usage]")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        line.QuerySelector("time")!.TextContent.ShouldBe("3 min ago");
        var regenerate = line.QuerySelector("[data-testid=regenerate]")!;
        (regenerate.GetAttribute("data-action"), regenerate.HasAttribute("disabled")).ShouldBe(("regenerate", true));
        line.QuerySelector("[data-testid=edit]").ShouldBeNull();
    }
}
