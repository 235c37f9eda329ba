using ChatbotOrleans.Frontend.Chat.Markdown;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Markdown;

public sealed class SafeUrlTests
{
    [Theory]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("HTTP://Example.com/a b", null)]
    [InlineData("http://example.com/a%20b?q=\"x\"", "http://example.com/a%20b?q=%22x%22")]
    [InlineData("https://example.com/<script>", "https://example.com/%3Cscript%3E")]
    [InlineData("mailto:someone@example.com", "mailto:someone@example.com")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("JavaScript:alert(1)", null)]
    [InlineData(" javascript:alert(1)", null)]
    [InlineData("java\tscript:alert(1)", null)]
    [InlineData("java\nscript:alert(1)", null)]
    [InlineData("\u0001javascript:alert(1)", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    [InlineData("vbscript:msgbox(1)", null)]
    [InlineData("file:///etc/passwd", null)]
    [InlineData("ftp://example.com/file", null)]
    [InlineData("/relative/path", null)]
    [InlineData("//example.com/protocol-relative", null)]
    [InlineData("#fragment", null)]
    [InlineData("https:", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_absolute_web_and_mail_addresses_are_links(string? url, string? expected)
    {
        SafeUrl.ForLink(url).ShouldBe(expected);
    }

    [Fact]
    public void Images_may_point_at_the_web_only()
    {
        SafeUrl.ForImage("https://example.com/cat.png").ShouldBe("https://example.com/cat.png");
        SafeUrl.ForImage("mailto:someone@example.com").ShouldBeNull();
        SafeUrl.ForImage("data:image/png;base64,AAAA").ShouldBeNull();
    }

    [Fact]
    public void Very_long_addresses_are_refused()
    {
        SafeUrl.ForLink("https://example.com/" + new string('a', 3000)).ShouldBeNull();
    }
}
