using ChatbotOrleans.Frontend.Chat.Markdown;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Markdown;

/// <summary>Replies a model could be talked into writing. None may produce markup that runs or loads anything.</summary>
public sealed class HostileMarkdownTests
{
    public static TheoryData<string, string> Attacks => new()
    {
        { "<script>alert(1)</script>", "<script>alert(1)</script>" },
        { "Hi <img src=x onerror=alert(1)> there", "<img src=x onerror=alert(1)>" },
        { "<iframe src=\"https://evil.example/\"></iframe>", "<iframe src=\"https://evil.example/\"></iframe>" },
        { "<svg onload=alert(1)>", "<svg onload=alert(1)>" },
        { "<style>body{display:none}</style>", "<style>body{display:none}</style>" },
        { "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"javascript:alert(1)\">x</a>" },
        { "<div>\n<script>alert(1)</script>\n</div>", "<script>alert(1)</script>" },
        { "<!-- hidden --> <b>bold</b>", "<!-- hidden -->" },
        { "&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>" },
        { "[click](javascript:alert(1))", "click" },
        { "[click](JaVaScRiPt:alert(1))", "click" },
        { "[click](java&#x09;script:alert(1))", "click" },
        { "[click](java&#10;script:alert(1))", "click" },
        { "[click](&#106;avascript:alert(1))", "click" },
        { "[click](javascript&#58;alert(1))", "click" },
        { "[click](%6Aavascript:alert(1))", "click" },
        { "[click](<javascript:alert(1)>)", "click" },
        { "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "click" },
        { "[click](vbscript:msgbox(1))", "click" },
        { "[click](file:///etc/passwd)", "click" },
        { "[click](//evil.example/x)", "click" },
        { "[click][x]\n\n[x]: javascript:alert(1)", "click" },
        { "<javascript:alert(1)>", "javascript:alert(1)" },
        { "<JAVASCRIPT:alert(1)>", "JAVASCRIPT:alert(1)" },
        { "<https://example.com/\"onmouseover=\"alert(1)>", "https://example.com/\"onmouseover=\"alert(1)" },
        { "www.example.com/\"onmouseover=\"alert(1)", "www.example.com/" },
        { "[t](https://example.com \"a\\\" onmouseover=\\\"alert(1)\")", "t" },
        { "[t](https://example.com 'x\" onclick=\"alert(1)')", "t" },
        { "[t](<https://example.com/\"onclick=\"alert(1)>)", "t" },
        { "[[inner](javascript:alert(1))](https://example.com)", "inner" },
        { "[![alt](https://evil.example/p.png)](https://example.com)", "alt" },
        { "![pixel](https://evil.example/pixel.gif)", "pixel" },
        { "![x](javascript:alert(1))", "x" },
        { "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "x" },
        { "```html\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```", "<img src=x onerror=alert(1)>" },
        { "```\" onmouseover=\"alert(1)\nx\n```", "x" },
        { "`<script>alert(1)</script>`", "<script>alert(1)</script>" },
        { "| a | <script>alert(1)</script> |\n|---|---|\n| [x](javascript:alert(1)) | <b>y</b> |", "<script>alert(1)</script>" },
        { "* [ ] <img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>" },
        { "{onclick=alert(1)}\n# Title {#id onclick=alert(1)}", "Title" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Hostile_input_renders_no_executable_markup_and_keeps_its_text(string markdown, string visibleText)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        var body = SafeMarkup.ShouldBeSafe(html);
        body.TextContent.ShouldContain(visibleText);
    }

    [Fact]
    public void Javascript_links_show_as_text_without_an_anchor()
    {
        var body = SafeMarkup.ShouldBeSafe(MarkdownRenderer.ToHtml("[click](javascript:alert(1)) and <javascript:alert(2)>"));

        body.QuerySelectorAll("a").ShouldBeEmpty();
        body.TextContent.ShouldContain("javascript:alert(2)");
    }

    [Fact]
    public void An_injected_title_stays_inside_the_title_attribute()
    {
        var body = SafeMarkup.ShouldBeSafe(MarkdownRenderer.ToHtml("[t](https://example.com \"a\\\" onmouseover=\\\"alert(1)\")"));

        var link = body.QuerySelector("a")!;
        link.GetAttribute("title").ShouldBe("a\" onmouseover=\"alert(1)");
        link.Attributes.Length.ShouldBe(4);
    }

    [Fact]
    public void Images_never_load_and_become_links_to_open_on_purpose()
    {
        var body = SafeMarkup.ShouldBeSafe(MarkdownRenderer.ToHtml("![a cat](https://images.example/cat.png)"));

        body.QuerySelectorAll("img").ShouldBeEmpty();
        var link = body.QuerySelector("a")!;
        link.GetAttribute("href").ShouldBe("https://images.example/cat.png");
        link.TextContent.ShouldBe("Image: a cat");
    }

    [Fact]
    public void An_image_inside_a_link_shows_its_description_without_nesting_anchors()
    {
        var body = SafeMarkup.ShouldBeSafe(MarkdownRenderer.ToHtml("[![badge](https://img.example/b.svg)](https://example.com)"));

        body.QuerySelectorAll("a").Length.ShouldBe(1);
        body.QuerySelector("a")!.TextContent.ShouldBe("badge");
    }

    [Fact]
    public void Html_in_a_code_block_is_shown_as_code()
    {
        const string Code = "<script>alert(1)</script>\n<img src=x onerror=alert(1)>";

        var body = SafeMarkup.ShouldBeSafe(MarkdownRenderer.ToHtml("```html\n" + Code + "\n```"));

        body.QuerySelector("pre code")!.TextContent.ShouldBe(Code);
    }
}
