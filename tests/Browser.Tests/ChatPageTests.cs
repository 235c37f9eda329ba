using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ChatPageTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    private IPage _page = null!;

    public ValueTask InitializeAsync() => fixture.ResetModelAsync();

    [Fact]
    public async Task An_invalid_address_is_refused_with_a_reason_and_the_user_stays_on_the_sign_in_page()
    {
        _page = await fixture.NewPageAsync();
        await _page.GotoAsync(fixture.BaseUrl.ToString());

        await _page.FillAsync("#email", "ana.@example.com");
        await _page.ClickAsync("button[type=submit]");

        await _page.Locator("[data-testid=signin-error], .validation-message").First.WaitForAsync();
        _page.Url.ShouldContain("/signin");
        (await _page.InputValueAsync("#email")).ShouldBe("ana.@example.com");
        await BrowserAppFixture.ScreenshotAsync(_page, "sign-in-invalid");
    }

    [Fact]
    public async Task Messages_whose_markup_never_reached_the_page_are_asked_for_again_and_shown()
    {
        // The circuit sends a listed message's HTML once, ahead of the render that lists it; one sent while the
        // connection was down never arrives. This page drops every such send once told to (Blazor keeps the function
        // it first called, so the drop is wrapped around it as the page's script defines it).
        _page = await fixture.SignedInPageAsync();
        await _page.AddInitScriptAsync("""
            window.dropRows = false;
            window.droppedRows = 0;
            Object.defineProperty(window, "chatRows", {
              configurable: true,
              get() { return this.wrappedRows; },
              set(rows) {
                const put = rows.put;
                rows.put = (...parts) => window.dropRows ? window.droppedRows++ : put(...parts);
                this.wrappedRows = rows;
              },
            });
            """);
        await _page.ReloadAsync();
        await _page.SendAsync("sent while the markup still arrives");
        await _page.WaitForSequenceAsync(2);
        await _page.EvaluateAsync("() => { window.dropRows = true; }");

        await _page.SendAsync("sent while the markup is lost");
        await _page.WaitForSequenceAsync(4);

        (await _page.MessagesAsync()).ShouldBe([
            "1 sent while the markup still arrives", "2 Echo: sent while the markup still arrives",
            "3 sent while the markup is lost", "4 Echo: sent while the markup is lost"]);
        (await _page.EvaluateAsync<int>("() => window.droppedRows")).ShouldBeGreaterThan(0, "the sends were dropped, so the rows came from asking again");
    }

    [Fact]
    public async Task A_new_user_sends_a_message_and_watches_the_reply_arrive_token_by_token()
    {
        // The model holds tokens 1-3 until the page shows the one before: a paced reply could finish within one
        // render on a loaded machine and prove nothing; this proves each token reaches the page on its own.
        const string Text = "tell me how streaming replies look in a browser";
        var held = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        fixture.App.Model.BeforeTokenAsync = (request, index, ct) =>
            request.LastUserText == Text && index is >= 1 and <= 3 ? held[index].Task.WaitAsync(ct) : Task.CompletedTask;
        _page = await fixture.SignedInPageAsync();

        await _page.FillAsync("[data-testid=message-input]", Text);
        await _page.Keyboard.PressAsync("Enter");
        await _page.Locator("[data-testid=message][data-role=user]").WaitForAsync();
        string[] partials = ["Echo:", "Echo: tell", "Echo: tell me"];
        for (var step = 0; step < partials.Length; step++)
        {
            await _page.WaitForFunctionAsync(
                "t => document.querySelector('[data-testid=reply-in-progress] .text')?.innerText.trim() === t", partials[step]);
            (await _page.Locator("[data-testid=message][data-role=assistant]").CountAsync()).ShouldBe(0, "the reply is still being written");
            if (step == partials.Length - 1)
            {
                await BrowserAppFixture.ScreenshotAsync(_page, "chat-reply-streaming");
            }

            held[step + 1].SetResult();
        }

        var reply = _page.Locator("[data-testid=message][data-role=assistant]");
        await reply.WaitForAsync();
        await BrowserAppFixture.ScreenshotAsync(_page, "chat-reply-final");
        (await reply.InnerTextAsync()).ShouldBe("Echo: " + Text);
        (await reply.GetAttributeAsync("data-sequence")).ShouldBe("2");
        (await _page.Locator("[data-testid=reply-in-progress]").CountAsync()).ShouldBe(0);
        (await _page.InputValueAsync("[data-testid=message-input]")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_conversation_is_still_there_in_order_after_a_reload()
    {
        _page = await fixture.SignedInPageAsync();
        await SendAndWaitAsync("first message", 2);
        await SendAndWaitAsync("second message", 4);

        await _page.ReloadAsync();
        await BrowserAppFixture.WaitUntilInteractiveAsync(_page);
        await _page.Locator("[data-testid=message]").Nth(3).WaitForAsync();

        var shown = await _page.Locator("[data-testid=message]").EvaluateAllAsync<string[]>(
            "ms => ms.map(m => m.dataset.sequence + ' ' + m.innerText.trim())");
        shown.ShouldBe(["1 first message", "2 Echo: first message", "3 second message", "4 Echo: second message"]);
    }

    [Fact]
    public async Task A_reply_in_progress_survives_a_reload_and_is_stored_once()
    {
        // Held after five words until the reloaded page has read it: a slow reload cannot miss the reply in progress.
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.App.Model.ReplyText = _ => string.Join(' ', Enumerable.Range(1, 30).Select(i => $"word{i}"));
        fixture.App.Model.BeforeTokenAsync = (_, index, ct) => index == 5 ? reloaded.Task.WaitAsync(ct) : Task.CompletedTask;
        _page = await fixture.SignedInPageAsync();

        await _page.FillAsync("[data-testid=message-input]", "a long answer please");
        await _page.Keyboard.PressAsync("Enter");
        await _page.WaitForFunctionAsync("() => (document.querySelector('[data-testid=reply-in-progress]')?.innerText ?? '').includes('word3')");
        await _page.ReloadAsync();
        var afterReload = _page.Locator("[data-testid=reply-in-progress]");
        await afterReload.WaitForAsync();
        var partial = await afterReload.InnerTextAsync();
        reloaded.SetResult();
        await _page.Locator("[data-testid=message][data-role=assistant]").WaitForAsync(new() { Timeout = 30_000 });

        partial.ShouldContain("word3", customMessage: "the reload shows what was written so far");
        (await _page.Locator("[data-testid=message][data-role=assistant]").CountAsync()).ShouldBe(1);
        (await _page.Locator("[data-testid=message][data-role=assistant]").InnerTextAsync()).ShouldEndWith("word30");
    }

    [Fact]
    public async Task Shift_Enter_adds_a_line_and_Enter_sends_the_message_with_its_line_break()
    {
        _page = await fixture.SignedInPageAsync();

        await _page.FocusAsync("[data-testid=message-input]");
        await _page.Keyboard.TypeAsync("line one");
        await _page.Keyboard.PressAsync("Shift+Enter");
        await _page.Keyboard.TypeAsync("line two");
        (await _page.Locator("[data-testid=message]").CountAsync()).ShouldBe(0);
        await _page.Keyboard.PressAsync("Enter");
        var user = _page.Locator("[data-testid=message][data-role=user]");
        await user.WaitForAsync();

        (await user.InnerTextAsync()).ShouldBe("line one\nline two");
    }

    [Fact]
    public async Task A_message_over_the_limit_is_refused_in_words_and_the_text_is_kept()
    {
        _page = await fixture.SignedInPageAsync();
        var tooLong = new string('a', 4_001);

        await _page.FillAsync("[data-testid=message-input]", tooLong);
        await _page.ClickAsync("[data-testid=send]");
        var error = _page.Locator("[data-testid=send-error]");
        await error.WaitForAsync();

        (await error.InnerTextAsync()).ShouldContain("the limit is 4,000");
        (await _page.InputValueAsync("[data-testid=message-input]")).ShouldBe(tooLong);
        (await _page.Locator("[data-testid=message]").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_failed_reply_shows_the_reason_and_Retry_gets_the_answer()
    {
        _page = await fixture.SignedInPageAsync();
        fixture.App.Model.FailNextRequests(3, 500);

        await _page.FillAsync("[data-testid=message-input]", "will this fail");
        await _page.Keyboard.PressAsync("Enter");
        var failure = _page.Locator("[data-testid=reply-error]");
        await failure.WaitForAsync(new() { Timeout = 30_000 });
        await BrowserAppFixture.ScreenshotAsync(_page, "chat-reply-failed");
        await _page.ClickAsync("[data-testid=retry]");
        await _page.Locator("[data-testid=message][data-role=assistant]:not(.failed)").WaitForAsync(new() { Timeout = 30_000 });

        (await failure.InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await _page.Locator("[data-testid=message][data-role=assistant]:not(.failed)").InnerTextAsync()).ShouldBe("Echo: will this fail");
    }

    public async ValueTask DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }

    private async Task SendAndWaitAsync(string text, int sequence)
    {
        await _page.FillAsync("[data-testid=message-input]", text);
        await _page.Keyboard.PressAsync("Enter");
        await _page.Locator($"[data-testid=message][data-sequence='{sequence}']").WaitForAsync();
    }
}
