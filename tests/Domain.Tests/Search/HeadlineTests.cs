using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Search;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Search;

public sealed class HeadlineTests
{
    private const string Start = Headline.StartMark;
    private const string Stop = Headline.StopMark;

    [Fact]
    public void Marked_words_become_marked_parts_and_the_rest_plain_text()
    {
        Headline.Parse($"the {Start}quick{Stop} brown {Start}fox{Stop}").ShouldBe(
        [
            new SnippetPart("the ", false),
            new SnippetPart("quick", true),
            new SnippetPart(" brown ", false),
            new SnippetPart("fox", true),
        ]);
    }

    [Fact]
    public void Neighbouring_marked_words_read_as_one_run()
    {
        Headline.Parse($"{Start}quick{Stop}{Start}fox{Stop} ran").ShouldBe([new SnippetPart("quickfox", true), new SnippetPart(" ran", false)]);
    }

    [Fact]
    public void Markup_in_the_text_stays_text_and_a_stray_or_unclosed_mark_does_not_break_the_snippet()
    {
        Headline.Parse($"<b>{Start}bold{Stop}</b> {Stop}and {Start}open").ShouldBe(
        [
            new SnippetPart("<b>", false),
            new SnippetPart("bold", true),
            new SnippetPart("</b> and ", false),
            new SnippetPart("open", true),
        ]);
        Headline.Parse("").ShouldBeEmpty();
    }
}
