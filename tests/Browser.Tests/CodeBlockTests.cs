using ChatbotOrleans.TestSupport.FakeOpenAI;
using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>
/// Markdown and code blocks in replies as the browser shows them: the server writes escaped text, highlight.js colours
/// it in the page (while the reply streams too), and nothing in the code ever becomes an element that runs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CodeBlockTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    private const string Streamed = "Try this:\n\n```csharp\npublic sealed class Greeter\n{\n    // says hi\n    public string Greet() => \"hi\";\n}\n```\n\nDone.";
    private IPage _page = null!;

    public ValueTask InitializeAsync() => fixture.ResetModelAsync();

    [Fact]
    public async Task A_Markdown_reply_shows_a_table_a_safe_link_and_highlighted_code_that_copies()
    {
        fixture.App.Model.ReplyText = _ => string.Join('\n',
            "Here is **the plan**:",
            "",
            "| step | what |",
            "| --- | --- |",
            "| 1 | build |",
            "",
            "See [the docs](https://learn.microsoft.com/dotnet/orleans) or [this](javascript:alert(1)).",
            "",
            "```csharp",
            "var answer = 42; // the answer",
            "```");
        _page = await fixture.SignedInPageAsync(options: new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1100, Height = 800 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });

        // The colouring script is held until the reader has pressed Copy, as on a slow link: the button must work
        // from the moment it shows, not only once that script has loaded.
        var pressed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _page.RouteAsync("**/Chat/MarkdownView.*.js", async route =>
        {
            await pressed.Task;
            await route.ContinueAsync();
        });

        await _page.SendAsync("show me some markdown");
        await _page.WaitForSequenceAsync(2);
        var reply = _page.Locator($"{PageSteps.Replies} [data-testid=markdown]");
        await reply.Locator("button.code-copy").ClickAsync();
        await reply.Locator("button.code-copy >> text=Copied").WaitForAsync();
        pressed.SetResult();
        var copied = await _page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        await reply.Locator("pre code.language-csharp .hljs-comment").WaitForAsync();
        await BrowserAppFixture.ScreenshotAsync(_page, "chat-markdown");

        (await reply.Locator("strong").InnerTextAsync()).ShouldBe("the plan");
        (await reply.Locator("table td").AllInnerTextsAsync()).ShouldBe(["1", "build"]);
        (await reply.Locator("a[href='https://learn.microsoft.com/dotnet/orleans']").GetAttributeAsync("rel")).ShouldNotBeNull().ShouldContain("noopener");
        (await reply.Locator("a[href^='javascript']").CountAsync()).ShouldBe(0, "an unsafe link stays text");
        (await reply.InnerTextAsync()).ShouldContain("this");
        (await reply.Locator("pre code.language-csharp .hljs-keyword").AllInnerTextsAsync()).ShouldBe(["var"], "the code is highlighted");
        copied.TrimEnd().ShouldBe("var answer = 42; // the answer");
    }

    [Fact]
    public async Task A_code_block_is_coloured_while_its_fence_is_still_open_and_in_the_theme_colours_when_done()
    {
        var tokens = FakeTokenizer.SplitWords(Streamed);
        var holdAt = tokens.ToList().FindIndex(t => t.Contains("Greet()", StringComparison.Ordinal));
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.App.Model.ReplyText = _ => Streamed;
        fixture.App.Model.BeforeTokenAsync = (_, index, ct) => index == holdAt ? held.Task.WaitAsync(ct) : Task.CompletedTask;
        _page = await fixture.SignedInPageAsync();

        await _page.SendAsync("some code please");
        // The model holds the stream inside the open fence: the block so far must be coloured already.
        await _page.WaitForFunctionAsync(
            "() => { const code = document.querySelector('[data-testid=reply-in-progress] pre code.language-csharp');"
            + " return code?.textContent.endsWith('public string') && code.querySelector('.hljs-comment') !== null; }",
            null,
            new() { Timeout = 30_000 });
        var partial = _page.Locator("[data-testid=reply-in-progress] pre code.language-csharp");
        var partialComment = await partial.Locator(".hljs-comment").InnerTextAsync();
        var partialKeywords = await partial.Locator(".hljs-keyword").AllInnerTextsAsync();
        held.SetResult();
        await _page.WaitForSequenceAsync(2);
        var code = _page.Locator($"{PageSteps.Replies} pre code.language-csharp");
        await code.Locator(".hljs-keyword").First.WaitForAsync();

        partialComment.ShouldBe("// says hi");
        partialKeywords.ShouldBe(["public", "sealed", "class", "public"]);
        (await code.InnerTextAsync()).ShouldBe("public sealed class Greeter\n{\n    // says hi\n    public string Greet() => \"hi\";\n}");
        (await code.Locator(".hljs-title").AllInnerTextsAsync()).ShouldBe(["Greeter", "Greet"]);
        (await ColourAsync(code.Locator(".hljs-keyword").First)).ShouldBe(await ThemeColourAsync("--md-tok-keyword"));
        (await ColourAsync(code.Locator(".hljs-string"))).ShouldBe(await ThemeColourAsync("--md-tok-string"));
        (await ColourAsync(code.Locator(".hljs-comment"))).ShouldBe(await ThemeColourAsync("--md-tok-comment"));
    }

    [Fact]
    public async Task Markup_in_code_is_coloured_as_text_and_never_runs_and_an_unknown_language_stays_plain()
    {
        const string Html = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
        const string Js = "document.title = '</code><img src=x onerror=window.__xss=3>';";
        fixture.App.Model.ReplyText = _ => $"```html\n{Html}\n```\n\n```js\n{Js}\n```\n\n```brainfuck\n+[->+<]\n```";
        _page = await fixture.SignedInPageAsync();

        await _page.SendAsync("hostile code");
        await _page.WaitForSequenceAsync(2);
        var reply = _page.Locator(PageSteps.Replies);
        await reply.Locator("pre code.language-html .hljs-tag").First.WaitForAsync();
        await reply.Locator("pre code.language-js .hljs-string").WaitForAsync();

        (await reply.Locator("pre code.language-html").InnerTextAsync()).ShouldBe(Html);
        (await reply.Locator("pre code.language-js").InnerTextAsync()).ShouldBe(Js);
        (await reply.Locator("pre img, pre script, pre code code").CountAsync()).ShouldBe(0, "no element was made from the code");
        (await reply.Locator("pre span:not([class^='hljs-']):not([class^='language-'])").CountAsync()).ShouldBe(0, "only highlight.js's own spans");
        (await _page.EvaluateAsync<bool>("() => window.__xss === undefined")).ShouldBeTrue("no script from the code ran");
        var plain = reply.Locator("pre code.language-brainfuck");
        (await plain.InnerTextAsync()).ShouldBe("+[->+<]");
        (await plain.EvaluateAsync<int>("code => code.childElementCount")).ShouldBe(0, "an unknown language is not guessed at");
        (await reply.Locator(".code-language").AllInnerTextsAsync()).ShouldBe(["html", "js", "brainfuck"]);
        (await reply.Locator("button.code-copy").CountAsync()).ShouldBe(3);
    }

    private static Task<string> ColourAsync(ILocator element) => element.EvaluateAsync<string>("e => getComputedStyle(e).color");

    // The custom property as the browser resolves it to a colour, so light and dark theme both compare.
    private Task<string> ThemeColourAsync(string variable) => _page.Locator($"{PageSteps.Replies} [data-testid=markdown]").EvaluateAsync<string>(
        "(root, name) => { const probe = document.createElement('span'); probe.style.color = `var(${name})`; root.appendChild(probe); const colour = getComputedStyle(probe).color; probe.remove(); return colour; }",
        variable);

    public async ValueTask DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }
}
