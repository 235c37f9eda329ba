using System.IO.Compression;
using System.Text.RegularExpressions;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>
/// Attacks a stranger on the internet would try, in Chromium against the published frontend in Production:
/// claiming someone's address first, keeping a session after the owner ended it; and a user's own rights.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AttackTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    // Other tests of the collection change the model's reply; each test starts from the echo.
    public ValueTask InitializeAsync() => fixture.ResetModelAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_stranger_who_claims_an_address_first_loses_access_when_the_owner_proves_it()
    {
        var address = $"claimed-{Guid.NewGuid():N}@example.com";
        var stranger = await fixture.SignedInPageAsync(address);
        await stranger.SendAsync("the stranger was here");

        var owner = await fixture.NewPageAsync();
        await owner.GotoAsync(fixture.BaseUrl.ToString());
        await owner.FillAsync("#email", address);
        await owner.ClickAsync("button[type=submit]");
        await owner.Locator("[data-testid=signin-link-sent]").WaitForAsync();
        await owner.GotoAsync(await fixture.LinkFromNewestMailToAsync(address, "link"));
        await owner.ClickAsync("button[type=submit]");
        await owner.WaitForChatAddressAsync();

        await stranger.WaitForAddressAsync(new Regex("/signin"));
        await stranger.GotoAsync(fixture.BaseUrl.ToString());

        stranger.Url.ShouldContain("/signin", customMessage: "the stranger's cookie no longer opens the account");
        await BrowserAppFixture.ScreenshotAsync(stranger, "attack-claimed-address");
        await stranger.Context.CloseAsync();
        await owner.Context.CloseAsync();
    }

    [Fact]
    public async Task A_page_open_on_another_device_goes_to_sign_in_when_the_user_signs_out_everywhere()
    {
        var mine = await fixture.SignedInPageAsync();
        var lost = await (await fixture.Browser.NewContextAsync(new() { StorageState = await mine.Context.StorageStateAsync() })).NewPageAsync();
        await lost.GotoAsync(mine.Url);
        await BrowserAppFixture.WaitUntilInteractiveAsync(lost);

        await mine.ClickAsync("[data-testid=account-link]");
        await mine.ClickAsync("[data-testid=sign-out-everywhere]");
        await mine.WaitForAddressAsync(new Regex("/signin"));

        await lost.WaitForAddressAsync(new Regex("/signin"));
        await lost.Context.CloseAsync();
        await mine.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_downloads_everything_then_deletes_the_account_and_the_address_starts_afresh()
    {
        var address = $"rights-{Guid.NewGuid():N}@example.com";
        var page = await fixture.SignedInPageAsync(address);
        await page.SendAsync("take this with me");
        await page.Locator(PageSteps.Replies).WaitForAsync();

        await page.ClickAsync("[data-testid=account-link]");
        var facts = await page.Locator("[data-testid=account-facts]").InnerTextAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-link]"));
        var saved = Path.Combine(Path.GetTempPath(), $"chatbot-export-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(saved);
        using var zip = ZipFile.OpenRead(saved);
        var files = zip.Entries.Select(e => e.FullName).ToList();
        var markdown = Read(zip.Entries.Single(e => e.FullName.StartsWith("chats/", StringComparison.Ordinal)));
        var json = Read(zip.GetEntry("conversations.json")!);
        var account = Read(zip.GetEntry("account.json")!);

        await page.FillAsync("[data-testid=delete-confirm]", "someone-else@example.com");
        await page.ClickAsync("[data-testid=delete-account]");
        var wrong = await page.Locator("[data-testid=delete-error]").InnerTextAsync();
        await page.FillAsync("[data-testid=delete-confirm]", address);
        await page.ClickAsync("[data-testid=delete-account]");
        await page.WaitForAddressAsync(new Regex("/signin"));
        var again = await fixture.SignedInPageAsync(address);

        facts.ShouldContain(address);
        files.ShouldContain("account.json");
        files.ShouldContain("conversations.json");
        markdown.ShouldContain("take this with me");
        markdown.ShouldContain("Echo: take this with me");
        json.ShouldContain("\"take this with me\"");
        account.ShouldContain(address);
        wrong.ShouldContain("nothing was deleted");
        (await again.Locator("[data-testid=message]").CountAsync()).ShouldBe(0, "a new account: the old chats are gone");
        download.SuggestedFilename.ShouldBe("chatbot-export.zip");
        zip.Dispose();
        File.Delete(saved);
        await page.Context.CloseAsync();
        await again.Context.CloseAsync();
    }

    [Fact]
    public async Task The_chat_runs_under_its_content_security_policy_without_a_violation()
    {
        var violations = new List<string>();
        var page = await fixture.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await page.SignInAsync(fixture.BaseUrl, $"csp-{Guid.NewGuid():N}@example.com");

        await page.SendAsync("under policy");
        await page.Locator(PageSteps.Replies).WaitForAsync();

        violations.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
