using ChatbotOrleans.Frontend.Chat.Markdown;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Blank_text_renders_nothing()
    {
        MarkdownRenderer.ToHtml("").ShouldBeEmpty();
        MarkdownRenderer.ToHtml("  \n ").ShouldBeEmpty();
    }

    [Fact]
    public void Paragraphs_are_separated_and_single_line_breaks_kept()
    {
        var body = Render("First line\nsecond line\n\nNext **bold** and *soft* and ~~gone~~.");

        body.QuerySelectorAll("p").Length.ShouldBe(2);
        body.QuerySelectorAll("p")[0].QuerySelector("br").ShouldNotBeNull();
        body.QuerySelector("strong")!.TextContent.ShouldBe("bold");
        body.QuerySelector("em")!.TextContent.ShouldBe("soft");
        body.QuerySelector("del")!.TextContent.ShouldBe("gone");
    }

    [Fact]
    public void Lists_render_ordered_unordered_and_nested()
    {
        var body = Render("3. three\n4. four\n   - a\n   - b\n\n- [x] done\n- [ ] open");

        body.QuerySelector("ol")!.GetAttribute("start").ShouldBe("3");
        body.QuerySelectorAll("ol > li").Length.ShouldBe(2);
        body.QuerySelectorAll("ol li ul li").Select(li => li.TextContent).ShouldBe(["a", "b"]);
        body.QuerySelectorAll("input[type=checkbox]").Length.ShouldBe(2);
        body.QuerySelector("input[checked]").ShouldNotBeNull();
    }

    [Fact]
    public void Tables_render_inside_a_focusable_scrolling_region()
    {
        var body = Render("| Name | Size |\n|:-----|-----:|\n| a | 1 |\n| b | 2 |");

        var region = body.QuerySelector("div.table-scroll")!;
        region.GetAttribute("tabindex").ShouldBe("0");
        region.GetAttribute("role").ShouldBe("region");
        region.QuerySelectorAll("th").Select(th => th.TextContent).ShouldBe(["Name", "Size"]);
        region.QuerySelectorAll("tbody tr").Length.ShouldBe(2);
        region.QuerySelector("td:last-child")!.GetAttribute("style").ShouldBe("text-align: right;");
    }

    [Fact]
    public void Web_links_open_in_a_new_tab_without_referrer_or_opener()
    {
        var link = Render("See [the docs](https://learn.microsoft.com/dotnet/ \"Docs\").").QuerySelector("a")!;

        link.GetAttribute("href").ShouldBe("https://learn.microsoft.com/dotnet/");
        link.GetAttribute("rel").ShouldBe("noopener noreferrer nofollow");
        link.GetAttribute("target").ShouldBe("_blank");
        link.GetAttribute("title").ShouldBe("Docs");
        link.TextContent.ShouldBe("the docs");
    }

    [Fact]
    public void Mail_links_and_bare_addresses_become_links()
    {
        var links = Render("Write to <help@example.com>, [us](mailto:us@example.com) or see www.example.com and https://example.org/a?b=1&c=2")
            .QuerySelectorAll("a");

        links.Select(a => a.GetAttribute("href")).ShouldBe(
            ["mailto:help@example.com", "mailto:us@example.com", "http://www.example.com/", "https://example.org/a?b=1&c=2"]);
        links[0].HasAttribute("target").ShouldBeFalse();
    }

    [Fact]
    public void Relative_links_show_their_text_only()
    {
        var body = Render("[sign out](/signout) and [here](#top)");

        body.QuerySelectorAll("a").ShouldBeEmpty();
        body.TextContent.Trim().ShouldBe("sign out and here");
    }

    [Fact]
    public void Inline_code_is_escaped_text()
    {
        var code = Render("Use `a < b && c` here").QuerySelector("code")!;

        code.TextContent.ShouldBe("a < b && c");
        code.Children.ShouldBeEmpty();
    }

    [Fact]
    public void A_fenced_block_has_its_language_a_copy_button_and_its_text_for_the_browser_to_colour()
    {
        const string Code = "def greet(name):\n    # say hi\n    return f\"hi {name}\" + 1";

        var block = Render("Here:\n\n```python\n" + Code + "\n```\n\nDone.").QuerySelector("div.code-block")!;

        block.QuerySelector(".code-language")!.TextContent.ShouldBe("python");
        var button = block.QuerySelector("button.code-copy")!;
        button.GetAttribute("type").ShouldBe("button");
        button.TextContent.ShouldBe("Copy code");
        block.QuerySelector("[role=status]").ShouldNotBeNull();
        var code = block.QuerySelector("pre code")!;
        code.ClassName.ShouldBe("language-python", "highlight.js in the page looks the language up by this class");
        code.TextContent.ShouldBe(Code);
        code.Children.ShouldBeEmpty("the server writes the code as text only; colours are added in the browser");
    }

    [Theory]
    [InlineData("C#", "c#")]
    [InlineData("C++", "c++")]
    [InlineData("TypeScript {title=x}", "typescript")]
    [InlineData("py\" onmouseover=\"alert(1)", "py")]
    public void The_language_is_the_fence_name_lower_cased_and_reduced_to_name_characters(string fence, string language)
    {
        var block = Render("```" + fence + "\nx\n```").QuerySelector("div.code-block")!;

        block.QuerySelector(".code-language")!.TextContent.ShouldBe(language);
        block.QuerySelector("pre code")!.ClassName.ShouldBe("language-" + language);
    }

    [Fact]
    public void Code_is_escaped_text_whatever_it_contains()
    {
        const string Code = "<script>alert(1)</script>\n<b onclick=\"x()\">&amp; &lt;</b>";

        var code = Render("```html\n" + Code + "\n```").QuerySelector("pre code")!;

        code.TextContent.ShouldBe(Code);
        code.Children.ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_language_is_labelled_and_left_plain()
    {
        var block = Render("```brainfuck\n+[->+<]\n```").QuerySelector("div.code-block")!;

        block.QuerySelector(".code-language")!.TextContent.ShouldBe("brainfuck");
        block.QuerySelector("pre code")!.Children.ShouldBeEmpty();
        block.QuerySelector("pre code")!.TextContent.ShouldBe("+[->+<]");
    }

    [Fact]
    public void An_indented_block_is_code_with_a_copy_button_and_no_language()
    {
        var block = Render("Text\n\n    let x = 1;\n").QuerySelector("div.code-block")!;

        block.QuerySelector(".code-language").ShouldBeNull();
        block.QuerySelector("pre code")!.HasAttribute("class").ShouldBeFalse("no language, so nothing for the browser to colour");
        block.QuerySelector("pre code")!.TextContent.ShouldBe("let x = 1;");
        block.QuerySelector("button.code-copy").ShouldNotBeNull();
    }

    [Fact]
    public void A_streaming_reply_with_an_open_fence_renders_the_code_so_far()
    {
        var body = Render("Try this:\n\n```csharp\nvar total = items.Sum(i => i.Price);\nConsole.Write(\"unfinished");

        body.QuerySelector("p")!.TextContent.ShouldBe("Try this:");
        var code = body.QuerySelector("pre code")!;
        code.ClassName.ShouldBe("language-csharp");
        code.TextContent.ShouldBe("var total = items.Sum(i => i.Price);\nConsole.Write(\"unfinished");
        body.QuerySelector("button.code-copy").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("Some **bold", "Some **bold")]
    [InlineData("A [link](https://exa", "A [link](https://exa")]
    [InlineData("| a | b |\n|--", "| a | b |")]
    [InlineData("```", "")]
    [InlineData("1. one\n2.", "one")]
    public void Partial_markdown_while_streaming_renders_as_text(string partial, string visible)
    {
        var body = Render(partial);

        body.TextContent.ShouldContain(visible);
    }

    [Fact]
    public void Headings_quotes_and_rules_render()
    {
        var body = Render("# Title\n\n> quoted\n\n---\n\n## Part");

        body.QuerySelector("h1")!.TextContent.ShouldBe("Title");
        body.QuerySelector("h2")!.TextContent.ShouldBe("Part");
        body.QuerySelector("blockquote")!.TextContent.Trim().ShouldBe("quoted");
        body.QuerySelector("hr").ShouldNotBeNull();
    }

    [Fact]
    public void Renders_are_independent_of_what_was_rendered_before_on_any_thread()
    {
        string[] texts = ["[a](https://example.com) ![b](https://example.com/b.png)", "```js\nlet x = '<b>';\n```", "| a |\n|---|\n| 1 |"];
        var expected = texts.Select(MarkdownRenderer.ToHtml).ToArray();

        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = MarkdownRenderer.ToHtml(texts[i % texts.Length]));

        results.Select((html, i) => html == expected[i % texts.Length]).ShouldAllBe(same => same);
        MarkdownRenderer.ToHtml(texts[0]).ShouldBe(expected[0]);
    }

    private static AngleSharp.Dom.IElement Render(string markdown) => SafeMarkup.ShouldBeSafe(MarkdownRenderer.ToHtml(markdown));
}
