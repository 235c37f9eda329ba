using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>
/// What a hostile or careless user can type or visit, tried in the browser against the real processes:
/// markup stays text, long lines wrap on a phone, other users' conversations stay invisible, floods are
/// answered with a sentence and the wait.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileInputTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    private const string Payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script><b>bold</b>";
    private readonly List<IPage> _pages = [];

    public ValueTask InitializeAsync() => fixture.ResetModelAsync();

    [Fact]
    public async Task Another_users_conversation_address_shows_not_found_and_nothing_of_it()
    {
        var secret = $"secret-{Guid.NewGuid():N}";
        var owner = await SignedInAsync();
        await SendAsync(owner, secret, expectedMessages: 2);
        var ownersAddress = owner.Url;

        var intruder = await SignedInAsync();
        await intruder.GotoAsync(ownersAddress);
        await intruder.GetByText("This conversation does not exist").WaitForAsync();

        (await intruder.ContentAsync()).ShouldNotContain(secret);
        (await intruder.TitleAsync()).ShouldNotContain(secret);
        (await intruder.Locator("[data-testid=message]").CountAsync()).ShouldBe(0);
        (await intruder.IsDisabledAsync("[data-testid=message-input]")).ShouldBeTrue("nothing can be sent into a conversation that is not yours");
    }

    [Fact]
    public async Task Markup_and_script_in_a_message_and_in_the_reply_are_shown_as_text_and_never_run()
    {
        var page = await SignedInAsync();

        await SendAsync(page, Payload, expectedMessages: 2);

        var texts = await page.Locator("[data-testid=message] .text, [data-testid=message] [data-testid=markdown]").AllInnerTextsAsync();
        texts.ShouldBe([Payload, "Echo: " + Payload]);
        (await page.Locator(".messages img, .messages script, .messages b").CountAsync()).ShouldBe(0, "no element was made from the text");
        (await page.EvaluateAsync<bool>("() => window.__xss === undefined")).ShouldBeTrue("no script from the message ran");
        await page.ReloadAsync();
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
        (await page.Locator("[data-testid=chat-title]").InnerTextAsync()).ShouldStartWith("<img src=x", Case.Sensitive, "the title made of the text is text too");
        (await page.EvaluateAsync<bool>("() => window.__xss === undefined")).ShouldBeTrue("no script from the title ran");
    }

    [Fact]
    public async Task Markup_in_an_email_address_is_refused_and_shown_back_as_text_and_a_valid_address_with_symbols_is_shown_as_typed()
    {
        var page = await NewPageAsync();
        var typed = "<img src=x onerror=window.__xss=1>@example.com";
        await page.GotoAsync(fixture.BaseUrl.ToString());
        await page.FillAsync("#email", typed);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("[data-testid=signin-error], .validation-message").First.WaitForAsync();

        (await page.InputValueAsync("#email")).ShouldBe(typed);
        (await page.Locator("section.signin img").CountAsync()).ShouldBe(0);
        (await page.EvaluateAsync<bool>("() => window.__xss === undefined")).ShouldBeTrue();

        var symbols = $"o'neil&co+{Guid.NewGuid():N}@example.com";
        var signedIn = await SignedInAsync(symbols);
        (await signedIn.Locator(".account .email").InnerTextAsync()).ShouldBe(symbols);
    }

    [Fact]
    public async Task A_4000_character_line_without_a_space_wraps_on_a_360_pixel_screen()
    {
        var page = await SignedInAsync();
        await page.SetViewportSizeAsync(360, 740);
        var line = new string('w', 4_000);

        await SendAsync(page, line, expectedMessages: 2);
        await BrowserAppFixture.ScreenshotAsync(page, "long-line-360");

        (await page.Locator("[data-testid=message][data-role=user] .text").InnerTextAsync()).ShouldBe(line);
        var overflow = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        overflow[0].ShouldBeLessThanOrEqualTo(overflow[1], "the page must not scroll sideways");
        var widest = await page.EvaluateAsync<double>("() => Math.max(...[...document.querySelectorAll('.bubble, .chat-header, .composer')].map(e => e.getBoundingClientRect().right))");
        widest.ShouldBeLessThanOrEqualTo(360);
    }

    [Fact]
    public async Task A_lone_surrogate_pasted_into_the_box_is_refused_in_words_not_stored_and_the_page_keeps_working()
    {
        var page = await SignedInAsync();

        // An input event carrying half a surrogate pair never updates the draft on the server (the event
        // travels as JSON, which cannot carry it), so the page says so itself and keeps the form from
        // submitting. The grain would refuse it anyway (MessageRules), and Orleans mends it to U+FFFD on
        // the wire (grain tests).
        await page.EvalOnSelectorAsync("[data-testid=message-input]", "el => { el.value = 'half \\uD83D pair'; el.dispatchEvent(new Event('input', { bubbles: true })); }");
        await page.ClickAsync("[data-testid=send]");
        var said = await page.EvalOnSelectorAsync<string>("[data-testid=message-input]", "el => el.validationMessage");
        said.ShouldContain("broken character");
        await page.FillAsync("[data-testid=message-input]", "still working");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-testid=message]").GetByText("Echo: still working").WaitForAsync();

        var stored = await page.Locator("[data-testid=message][data-role=user] .text").AllInnerTextsAsync();
        stored.ShouldBe(["still working"], "the broken text was not stored, and the circuit survived it");
        (await page.Locator("[data-testid=message]").First.GetAttributeAsync("data-sequence")).ShouldBe("1");
    }

    [Fact]
    public async Task Sending_faster_than_the_limit_shows_the_wait_and_keeps_the_text()
    {
        var page = await SignedInAsync();
        for (var i = 1; i <= BrowserAppFixture.MessagesPerMinute; i++)
        {
            await SendAsync(page, $"quick {i}", expectedMessages: 2 * i);
        }

        await page.FillAsync("[data-testid=message-input]", "one too many");
        await page.Keyboard.PressAsync("Enter");
        var error = page.Locator("[data-testid=send-error]");
        await error.WaitForAsync();
        await BrowserAppFixture.ScreenshotAsync(page, "message-rate-limited");

        (await error.InnerTextAsync()).ShouldMatch(@"^You are sending messages too fast; try again in \d+ seconds?\.$");
        (await page.InputValueAsync("[data-testid=message-input]")).ShouldBe("one too many");
        (await page.Locator("[data-testid=message][data-role=user]").CountAsync()).ShouldBe(BrowserAppFixture.MessagesPerMinute);
    }

    [Fact]
    public async Task Signing_in_too_often_with_one_address_shows_the_wait_on_the_sign_in_page()
    {
        var address = $"again-{Guid.NewGuid():N}@example.com";
        await SignedInAsync(address);
        ILocator? refusal = null;
        for (var attempt = 2; attempt <= BrowserAppFixture.SignInsPerHour + 1; attempt++)
        {
            var page = await NewPageAsync();
            await page.GotoAsync(fixture.BaseUrl.ToString());
            await page.FillAsync("#email", address);
            await page.ClickAsync("button[type=submit]");
            refusal = page.Locator("[data-testid=signin-error], [data-testid=signin-link-sent]").First;
            await refusal.WaitForAsync();
        }

        await BrowserAppFixture.ScreenshotAsync(refusal!.Page, "sign-in-rate-limited");
        (await refusal.GetAttributeAsync("data-testid")).ShouldBe("signin-error");
        (await refusal.InnerTextAsync()).ShouldStartWith("Too many sign-ins with this address in the last hour; try again in 60 minutes");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> SignedInAsync(string? email = null)
    {
        var page = await fixture.SignedInPageAsync(email);
        _pages.Add(page);
        return page;
    }

    private async Task<IPage> NewPageAsync()
    {
        var page = await fixture.NewPageAsync();
        _pages.Add(page);
        return page;
    }

    private static async Task SendAsync(IPage page, string text, int expectedMessages)
    {
        await page.FillAsync("[data-testid=message-input]", text);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator($"[data-testid=message][data-sequence='{expectedMessages}']").WaitForAsync();
    }
}
