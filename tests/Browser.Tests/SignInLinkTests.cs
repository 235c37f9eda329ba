using Shouldly;

namespace ChatbotOrleans.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInLinkTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    // Other tests of the collection change the model's reply; each test starts from the echo.
    public ValueTask InitializeAsync() => fixture.ResetModelAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_returning_address_gets_a_one_time_link_that_opens_its_conversations_on_another_device()
    {
        var address = $"returning-{Guid.NewGuid():N}@example.com";
        var first = await fixture.SignedInPageAsync(address);
        await first.FillAsync("[data-testid=message-input]", "remember me");
        await first.Keyboard.PressAsync("Enter");
        await first.Locator("[data-testid=message][data-role=assistant]").WaitForAsync();
        await first.Context.CloseAsync();

        var other = await fixture.NewPageAsync();
        await other.GotoAsync(fixture.BaseUrl.ToString());
        await other.FillAsync("#email", address);
        await other.ClickAsync("button[type=submit]");
        var notice = await other.Locator("[data-testid=signin-link-sent]").InnerTextAsync();

        var link = await fixture.LinkFromNewestMailToAsync(address, "link");
        await other.GotoAsync(link);
        await other.ClickAsync("button[type=submit]");
        await other.WaitForChatAddressAsync();
        await other.Locator("[data-testid=message][data-role=user]").WaitForAsync();
        var reused = await fixture.NewPageAsync();
        await reused.GotoAsync(link);
        await reused.ClickAsync("button[type=submit]");
        var refusal = reused.Locator("[data-testid=signin-link-error]");
        await refusal.WaitForAsync();

        notice.ShouldContain("inbox");
        (await other.Locator("[data-testid=message][data-role=user]").InnerTextAsync()).ShouldBe("remember me");
        (await refusal.InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        await BrowserAppFixture.ScreenshotAsync(reused, "sign-in-link-used");
        await other.Context.CloseAsync();
        await reused.Context.CloseAsync();
    }

    [Fact]
    public async Task A_made_up_link_gets_a_clear_page_and_signs_no_one_in()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.BaseUrl, "signin/link?token=not-a-real-token").ToString());
        await page.ClickAsync("button[type=submit]");
        var refusal = page.Locator("[data-testid=signin-link-error]");
        await refusal.WaitForAsync();
        await page.GotoAsync(fixture.BaseUrl.ToString());

        (await refusal.CountAsync()).ShouldBe(0, "the page moved on to the app, which must send us to sign in");
        page.Url.ShouldContain("/signin");
        await page.Context.CloseAsync();
    }
}
