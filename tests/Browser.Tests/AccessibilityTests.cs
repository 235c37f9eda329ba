using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>Keyboard-only use, contrast in both themes, a phone-sized screen and what screen readers hear.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    private static readonly string ContrastScript = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scripts", "contrast.js"));
    private IPage _page = null!;

    public ValueTask InitializeAsync() => fixture.ResetModelAsync();

    [Fact]
    public async Task Keyboard_only_a_person_signs_in_sends_regenerates_pages_versions_and_renames_a_chat()
    {
        _page = await fixture.NewPageAsync();
        await _page.GotoAsync(fixture.BaseUrl.ToString());
        await _page.TabToAsync("#email");
        await _page.Keyboard.TypeAsync($"keys-{Guid.NewGuid():N}@example.com");
        await _page.Keyboard.PressAsync("Enter");
        await _page.WaitForChatAddressAsync();
        await BrowserAppFixture.WaitUntilInteractiveAsync(_page);

        await _page.TabToAsync("[data-testid=message-input]");
        await _page.Keyboard.TypeAsync("typed with keys only");
        await _page.Keyboard.PressAsync("Enter");
        await _page.WaitForSequenceAsync(2);
        await _page.TabToAsync("[data-testid=regenerate]");
        await _page.Keyboard.PressAsync("Enter");
        await _page.WaitForSequenceAsync(3);

        // The version buttons are markup, made again with the version shown: the focus follows to that one's.
        await _page.TabToAsync("[data-testid=version-previous]");
        await _page.Keyboard.PressAsync("Enter");
        await _page.WaitForFunctionAsync("() => document.querySelector('[data-testid=version-label]')?.textContent === '1/2'");
        await _page.WaitForFunctionAsync("() => document.activeElement?.dataset.testid === 'version-next'");
        await _page.Keyboard.PressAsync("Enter");
        await _page.WaitForFunctionAsync("() => document.querySelector('[data-testid=version-label]')?.textContent === '2/2'");
        await _page.TabToAsync("[data-testid=rename]");
        await _page.Keyboard.PressAsync("Enter");
        await _page.WaitForFunctionAsync("() => document.activeElement?.dataset.testid === 'rename-input'");
        await _page.Keyboard.PressAsync("Control+A");
        await _page.Keyboard.TypeAsync("Named by keyboard");
        await _page.Keyboard.PressAsync("Enter");

        await _page.WaitForSidebarAsync("Named by keyboard");
        (await _page.MessagesAsync()).ShouldBe(["1 typed with keys only", "3 Echo: typed with keys only"], "the regenerated reply is version 2, in place of the first");
    }

    [Theory]
    [InlineData(ColorScheme.Light, "light")]
    [InlineData(ColorScheme.Dark, "dark")]
    public async Task Every_text_passes_WCAG_AA_contrast_on_the_sign_in_page_and_the_chat_in_the_system_theme(ColorScheme scheme, string name)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ColorScheme = scheme,
            ViewportSize = new ViewportSize { Width = 1100, Height = 800 },
        });
        _page = await context.NewPageAsync();
        await _page.GotoAsync(fixture.BaseUrl.ToString());
        var signInFailures = await _page.EvaluateAsync<string[]>(ContrastScript);
        await BrowserAppFixture.ScreenshotAsync(_page, $"sign-in-{name}");
        await _page.FillAsync("#email", $"contrast-{Guid.NewGuid():N}@example.com");
        await _page.ClickAsync("button[type=submit]");
        await BrowserAppFixture.WaitUntilInteractiveAsync(_page);
        await _page.SendAsync("Show me a list");
        await _page.WaitForSequenceAsync(2);
        fixture.App.Model.FailNextRequests(3, 500);
        await _page.SendAsync("and now fail");
        await _page.Locator("[data-testid=reply-error]").WaitForAsync(new() { Timeout = 30_000 });
        var chatFailures = await _page.EvaluateAsync<string[]>(ContrastScript);
        var background = await _page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        await BrowserAppFixture.ScreenshotAsync(_page, $"chat-{name}");

        signInFailures.ShouldBeEmpty();
        chatFailures.ShouldBeEmpty();
        background.ShouldBe(scheme == ColorScheme.Dark ? "rgb(15, 17, 21)" : "rgb(247, 247, 248)", "the page follows the system theme");
    }

    [Fact]
    public async Task At_360_pixels_wide_nothing_scrolls_sideways_and_the_chats_open_from_a_button()
    {
        _page = await fixture.SignedInPageAsync(options: new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
        });
        await _page.SendAsync("a-very-long-word-" + new string('x', 300) + " and a normal sentence after it");
        await _page.WaitForSequenceAsync(2);
        var sidebarHidden = !await _page.Locator("#sidebar").IsVisibleAsync();
        var overflow = await _page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await BrowserAppFixture.ScreenshotAsync(_page, "chat-360");

        await _page.ClickAsync("[data-testid=sidebar-toggle]");
        await _page.Locator("#sidebar").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await _page.WaitForFunctionAsync("() => document.querySelector('#sidebar').getBoundingClientRect().left >= 0");
        await BrowserAppFixture.ScreenshotAsync(_page, "chat-360-sidebar");
        var expanded = await _page.GetAttributeAsync("[data-testid=sidebar-toggle]", "aria-expanded");
        await _page.ClickAsync("[data-testid=sidebar-close]");
        await _page.Locator("#sidebar").WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        sidebarHidden.ShouldBeTrue("on a phone the list of chats waits behind its button");
        overflow.ShouldBeLessThanOrEqualTo(0, "the page must not scroll sideways");
        expanded.ShouldBe("true");
    }

    [Fact]
    public async Task Controls_have_names_and_a_new_reply_is_announced_politely()
    {
        _page = await fixture.SignedInPageAsync();
        await _page.SendAsync("anyone there?");
        await _page.WaitForSequenceAsync(2);

        var unnamed = await _page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('button, a[href], textarea, input:not([type=hidden])')]" +
            ".filter(e => e.getClientRects().length > 0)" +
            ".filter(e => !(e.getAttribute('aria-label') || e.innerText.trim() || (e.id && document.querySelector(`label[for='${e.id}']`))))" +
            ".map(e => e.outerHTML.slice(0, 80))");
        var live = await _page.Locator("[aria-live=polite][data-testid=announcer]").InnerTextAsync();

        unnamed.ShouldBeEmpty();
        live.ShouldBe("The bot replied: Echo: anyone there?");
        (await _page.GetAttributeAsync("[data-testid=reply-in-progress], .messages", "aria-live")).ShouldBe("off", "streamed tokens are not read out one by one");
    }

    public async ValueTask DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }
}
