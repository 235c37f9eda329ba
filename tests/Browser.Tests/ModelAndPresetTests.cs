using ChatbotOrleans.TestSupport.FakeOpenAI;
using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>The model picker, a chat's instructions and presets, as a person uses them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ModelAndPresetTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    private const string Saved = "[data-testid=settings-saved]";
    private const string Picker = "[data-testid=model-picker]";

    public ValueTask InitializeAsync() => fixture.ResetModelAsync();

    [Fact]
    public async Task The_picker_sends_the_next_reply_to_the_chosen_model_which_the_reply_names_and_instructions_go_first()
    {
        var page = await fixture.SignedInPageAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];

        await page.SendAsync($"default {marker}");
        await page.WaitForSequenceAsync(2);
        await page.SelectOptionAsync("[data-testid=model-picker]", "second");
        await Expect(page.Locator(Saved)).ToHaveTextAsync("Model changed for the next replies.");
        await page.ClickAsync("[data-testid=instructions-toggle]");
        await page.FillAsync("[data-testid=instructions-input]", "Answer like a pirate.");
        await page.ClickAsync("[data-testid=save-instructions]");
        await Expect(page.Locator(Saved)).ToHaveTextAsync("Instructions saved.");
        await page.SendAsync($"second {marker}");
        await page.WaitForSequenceAsync(4);
        await BrowserAppFixture.ScreenshotAsync(page, "chat-model-picker");

        // Headless Chromium paints no native drop-down: the picker is shown as the list it opens to, for the shot only.
        await page.Locator(Picker).EvaluateAsync("s => s.size = s.options.length");
        await BrowserAppFixture.ScreenshotAsync(page, "chat-model-picker-open");
        await page.Locator(Picker).EvaluateAsync("s => s.removeAttribute('size')");

        (await page.Locator("[data-testid=reply-model]").AllInnerTextsAsync()).ShouldBe(["fake-model", "Second model"]);
        fixture.App.Model.Requests.ShouldContain(r => r.LastUserText == $"default {marker}");
        fixture.App.Model.Requests.ShouldNotContain(r => r.LastUserText == $"second {marker}");
        var request = fixture.SecondModel.Requests.Single(r => r.LastUserText == $"second {marker}");
        request.Model.ShouldBe("second-upstream");
        request.Messages[0].ShouldBe(new FakeChatMessage("system", "Answer like a pirate."));

        await page.ReloadAsync();
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=model-picker]")).ToHaveValueAsync("second");
        await Expect(page.Locator("[data-testid=instructions-toggle]")).ToHaveTextAsync("Instructions ✓");
    }

    [Fact]
    public async Task A_model_or_instructions_changed_in_one_tab_show_in_the_chats_other_tab_without_a_reload()
    {
        var page = await fixture.SignedInPageAsync();
        await page.SendAsync("Two tabs, one chat");
        await page.WaitForSequenceAsync(2);
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(page.Url);
        await BrowserAppFixture.WaitUntilInteractiveAsync(other);
        await other.WaitForSequenceAsync(2);
        await other.EvaluateAsync("() => window.notReloaded = true");
        var firstModel = await other.Locator(Picker).InputValueAsync();

        await page.SelectOptionAsync(Picker, "second");
        await Expect(page.Locator(Saved)).ToHaveTextAsync("Model changed for the next replies.");
        await Expect(other.Locator(Picker)).ToHaveValueAsync("second");
        await page.ClickAsync("[data-testid=instructions-toggle]");
        await page.FillAsync("[data-testid=instructions-input]", "Answer like a pirate.");
        await page.ClickAsync("[data-testid=save-instructions]");
        await Expect(other.Locator("[data-testid=instructions-toggle]")).ToHaveTextAsync("Instructions ✓");
        await other.ClickAsync("[data-testid=instructions-toggle]");
        await Expect(other.Locator("[data-testid=instructions-input]")).ToHaveValueAsync("Answer like a pirate.");

        await page.FillAsync("[data-testid=instructions-input]", "");
        await page.ClickAsync("[data-testid=save-instructions]");
        await Expect(page.Locator("[data-testid=instructions-toggle]")).ToHaveTextAsync("Instructions");
        await page.SelectOptionAsync(Picker, firstModel);
        await Expect(other.Locator("[data-testid=instructions-input]")).ToHaveValueAsync("");
        await Expect(other.Locator(Picker)).ToHaveValueAsync(firstModel);
        (await other.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue("the other tab followed without a reload");
    }

    [Fact]
    public async Task A_preset_starts_a_chat_with_its_instructions_and_a_users_own_preset_is_saved_refused_when_too_long_and_deleted()
    {
        var page = await fixture.SignedInPageAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        await page.SendAsync($"first chat {marker}");
        await page.WaitForSequenceAsync(2);
        var firstChat = page.Url;

        await page.ClickAsync("[data-testid=preset-menu] summary");
        await BrowserAppFixture.ScreenshotAsync(page, "chat-presets");
        await page.ClickAsync("[data-testid=preset-start] >> text=Translator");
        await page.WaitForFunctionAsync("u => location.href !== u", firstChat);
        await page.WaitForShownChatAsync("New chat");
        await Expect(page.Locator("[data-testid=instructions-toggle]")).ToHaveTextAsync("Instructions ✓");
        await page.SendAsync($"Bonjour {marker}");
        await page.WaitForSequenceAsync(2);
        var request = fixture.App.Model.Requests.Single(r => r.LastUserText == $"Bonjour {marker}");
        request.Messages[0].Role.ShouldBe("system");
        request.Messages[0].Text.ShouldStartWith("Translate what the user writes");

        await page.ClickAsync("[data-testid=instructions-toggle]");
        await page.FillAsync("[data-testid=instructions-input]", new string('x', 4_001));
        await page.ClickAsync("[data-testid=save-instructions]");
        await Expect(page.Locator("[data-testid=settings-error]")).ToHaveTextAsync("Instructions can be at most 4,000 characters; these are 4,001.");
        await page.FillAsync("[data-testid=instructions-input]", "Talk like a pirate.");
        await page.FillAsync("[data-testid=preset-name]", $"Pirate {marker}");
        await page.ClickAsync("[data-testid=save-preset]");
        await Expect(page.Locator(Saved)).ToHaveTextAsync($"Preset “Pirate {marker}” saved.");
        await page.ClickAsync("[data-testid=preset-menu] summary");
        var own = page.Locator("[data-testid=preset]", new() { HasText = $"Pirate {marker}" });
        await Expect(own).ToHaveCountAsync(1);
        await BrowserAppFixture.ScreenshotAsync(page, "chat-presets-own");
        await own.Locator("[data-testid=preset-delete]").ClickAsync();
        await Expect(own).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=preset]")).ToHaveCountAsync(3);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
