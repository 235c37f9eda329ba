using System.Diagnostics;
using ChatbotOrleans.Frontend.Chat;
using ChatbotOrleans.Frontend.Chat.Markdown;
using Markdig;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using Shouldly;

namespace ChatbotOrleans.Frontend.Tests.Markdown;

public sealed class MarkdownViewTests
{
    [Fact]
    public async Task The_component_renders_the_reply_as_safe_markup_in_one_container()
    {
        var html = await RenderAsync("**Hi** <script>alert(1)</script>\n\n```js\nlet a = 1;\n```");

        var body = SafeMarkup.ShouldBeSafe(html);
        var root = body.QuerySelector("div.markdown")!;
        root.QuerySelector("strong")!.TextContent.ShouldBe("Hi");
        root.TextContent.ShouldContain("<script>alert(1)</script>");
        root.QuerySelector("button.code-copy").ShouldNotBeNull();
    }

    [Fact]
    public void Rendering_a_4_KB_reply_costs_about_what_Markdig_alone_costs()
    {
        var reply = FourKilobyteReply();
        reply.Length.ShouldBeInRange(4000, 4400);
        var plain = new MarkdownPipelineBuilder().Build();
        var ours = TimeSpan.MaxValue;
        var markdig = TimeSpan.MaxValue;
        for (var i = 0; i < 20; i++)
        {
            // Past the first tier of the JIT for both, so the comparison is of the code, not the compiler.
            MarkdownRenderer.ToHtml(reply);
            Markdig.Markdown.ToHtml(reply, plain);
        }

        // Interleaved, and the fastest of many runs, so other processes on a shared machine skew neither
        // side. A streaming reply is re-rendered on every delta: safety and code blocks must not multiply that.
        for (var i = 0; i < 40; i++)
        {
            var text = reply[..(reply.Length - i)];
            var clock = Stopwatch.StartNew();
            MarkdownRenderer.ToHtml(text);
            ours = Min(ours, clock.Elapsed);
            clock.Restart();
            Markdig.Markdown.ToHtml(text, plain);
            markdig = Min(markdig, clock.Elapsed);
        }

        ours.ShouldBeLessThan(markdig * 5);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    internal static string FourKilobyteReply()
    {
        const string Section = """
            ## Step N

            Install the package, then **register** it in `Program.cs`. See [the docs](https://learn.microsoft.com/dotnet/) for *details*.

            - first item with `code`
            - second item
              1. nested

            | Option | Default | Meaning |
            |:--|--:|---|
            | Timeout | 30 | seconds before giving up |

            ```csharp
            public sealed class Greeter(string name)
            {
                // Says hello.
                public string Greet() => $"Hello, {name}!";
            }
            ```

            """;
        return string.Concat(Enumerable.Range(1, 10).Select(i => Section.Replace("Step N", "Step " + i, StringComparison.Ordinal)));
    }

    private static async Task<string> RenderAsync(string text)
    {
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton<IJSRuntime, NoJavaScript>()
            .BuildServiceProvider();
        await using var _ = services;
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MarkdownView>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(MarkdownView.Text)] = text }));
            return output.ToHtmlString();
        });
    }
}
