using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Grains.Abstractions;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Chat;

/// <summary>What the list's markup cache makes again and what it keeps between renders.</summary>
public sealed class MessageMarkupTests
{
    private static readonly MessageMeta Meta = new("just now", null, false, true, false, Interactive: true, Replying: false);
    private readonly MessageMarkup _markup = new();

    [Fact]
    public void A_message_rendered_again_unchanged_reuses_its_markup_and_a_new_time_makes_only_its_line_again()
    {
        var message = ConversationFixture.User(1);
        var (body, line) = Render(message, Meta);

        var (sameBody, sameLine) = Render(message, Meta);
        sameBody.ShouldBeSameAs(body);
        sameLine.ShouldBeSameAs(line);

        var (laterBody, laterLine) = Render(message, Meta with { Time = "1 min ago" });
        laterBody.ShouldBeSameAs(body);
        laterLine.ShouldNotBeSameAs(line);
        laterLine.ShouldContain("1 min ago");
    }

    [Fact]
    public void A_changed_message_is_a_new_record_and_is_made_again()
    {
        var reply = ConversationFixture.Bot(2, MessageId.New(), "first words");
        var (body, _) = Render(reply, Meta);

        var (changed, _) = Render(reply with { Text = "other words" }, Meta);

        changed.ShouldNotBeSameAs(body);
        changed.ShouldContain("other words");
    }

    [Fact]
    public void A_message_left_out_of_a_render_is_let_go_and_a_reply_with_code_asks_for_the_copy_script()
    {
        var message = ConversationFixture.User(1);
        var (body, _) = Render(message, Meta);
        _markup.BeginRender();

        var (again, _) = Render(message, Meta);

        again.ShouldNotBeSameAs(body);
        again.ShouldBe(body);
        _markup.HasCode.ShouldBeFalse();
        Render(ConversationFixture.Bot(2, message.Id, "```\ncode\n```"), Meta);
        _markup.HasCode.ShouldBeTrue();
    }

    private (string Body, string Line) Render(ChatMessage message, MessageMeta meta)
    {
        _markup.BeginRender();
        return (_markup.Body(message, RetryButton.None).Value, _markup.Meta(message, meta).Value);
    }
}
