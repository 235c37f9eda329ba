using ChatbotOrleans.TestSupport;
using ChatbotOrleans.TestSupport.FakeOpenAI;
using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>Stop, regenerate, edit and versions, several conversations, rename, delete and two tabs, as a person uses them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatExperienceTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    private static readonly string LongReply = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"word{i}"));
    private IPage _page = null!;

    public ValueTask InitializeAsync() => fixture.ResetModelAsync();

    [Fact]
    public async Task Stop_cancels_the_model_request_and_keeps_what_was_written_marked_stopped()
    {
        // Held after five words until Stop aborts the request: a slow machine cannot finish the reply first.
        fixture.App.Model.ReplyText = _ => LongReply;
        fixture.App.Model.BeforeTokenAsync = (_, index, ct) => index == 5 ? Task.Delay(Timeout.Infinite, ct) : Task.CompletedTask;
        _page = await fixture.SignedInPageAsync();
        var requestsBefore = fixture.App.Model.RequestsStarted;

        await _page.SendAsync("write a long answer");
        await _page.WaitForPartialReplyAsync("word3");
        await BrowserAppFixture.ScreenshotAsync(_page, "chat-stop-offered");
        await _page.ClickAsync("[data-testid=stop]");
        var stopped = _page.Locator($"{PageSteps.Replies}[data-status=stopped]");
        await stopped.WaitForAsync(new() { Timeout = 15_000 });
        var kept = await stopped.Locator("[data-testid=markdown]").InnerTextAsync();
        await BrowserAppFixture.ScreenshotAsync(_page, "chat-stopped");

        kept.ShouldStartWith("word1 word2 word3");
        kept.ShouldNotContain("word40");
        (await stopped.Locator("[data-testid=stopped]").InnerTextAsync()).ShouldBe("Stopped.");
        // This test's own request, not a count shared with every test on the fake model.
        await Poll.UntilAsync(
            () => Task.FromResult(string.Join(", ", OwnRequests().Select(r => r.Outcome))),
            outcomes => outcomes == nameof(FakeRequestOutcome.AbortedByClient),
            TimeSpan.FromSeconds(10),
            "the model request to be aborted");
        await Poll.StaysTrueForAsync(() => OwnRequests().Count, n => n == 1, "one model request for the stopped reply");

        (await _page.Locator("[data-testid=stop]").CountAsync()).ShouldBe(0, "nothing is being written any more");
        (await _page.Locator("[data-testid=reply-in-progress], [data-testid=reply-pending]").CountAsync()).ShouldBe(0);

        List<FakeChatRequest> OwnRequests() =>
            [.. fixture.App.Model.Requests.Where(r => r.Number > requestsBefore && r.LastUserText == "write a long answer")];
    }

    [Fact]
    public async Task Regenerate_writes_version_2_of_the_reply_in_its_place_and_announces_it()
    {
        _page = await fixture.SignedInPageAsync();
        await _page.SendAsync("say it twice");
        await _page.WaitForSequenceAsync(2);

        await _page.ClickAsync("[data-testid=regenerate]");
        await _page.WaitForSequenceAsync(3);

        (await _page.MessagesAsync()).ShouldBe(["1 say it twice", "3 Echo: say it twice"]);
        (await _page.InnerTextAsync("[data-testid=version-label]")).ShouldBe("2/2");
        (await _page.Locator("[data-testid=regenerate]").CountAsync()).ShouldBe(1, "only the newest reply offers it");
        (await _page.InnerTextAsync("[data-testid=announcer]")).ShouldBe("The bot replied: Echo: say it twice");
    }

    [Fact]
    public async Task Editing_a_message_makes_version_2_and_the_arrows_bring_back_version_1_with_its_reply()
    {
        _page = await fixture.SignedInPageAsync();
        await _page.SendAsync("what is the frist planet?");
        await _page.WaitForSequenceAsync(2);

        await _page.ClickAsync("[data-testid=edit]");
        var editor = _page.Locator("[data-testid=message-editor]");
        await editor.WaitForAsync();
        (await _page.Locator("[data-testid=message][data-role=user]").CountAsync()).ShouldBe(0, "the editor takes the bubble's place");
        var line = _page.Locator(".turn:has([data-testid=message-editor]) .message-meta");
        (await line.BoundingBoxAsync())!.Y.ShouldBeGreaterThan((await editor.BoundingBoxAsync())!.Y, "the line with the time stays under the editor");
        (await line.InnerTextAsync()).ShouldNotContain("Edit", Case.Sensitive, "a message being edited offers no Edit");
        await BrowserAppFixture.ScreenshotAsync(_page, "chat-editing");
        await _page.FillAsync("[data-testid=edit-text]", "what is the first planet?");
        await _page.ClickAsync("[data-testid=edit-save]");
        await _page.WaitForSequenceAsync(4);

        (await _page.MessagesAsync()).ShouldBe(["3 what is the first planet?", "4 Echo: what is the first planet?"]);
        (await _page.InnerTextAsync("[data-testid=version-label]")).ShouldBe("2/2");
        fixture.App.Model.Requests.Last(r => r.LastUserText == "what is the first planet?").Messages
            .ShouldNotContain(m => m.Text.Contains("frist", StringComparison.Ordinal), "the model sees only the current path");

        await _page.ClickAsync("[data-testid=version-previous]");
        await _page.WaitForSequenceAsync(1);

        (await _page.MessagesAsync()).ShouldBe(["1 what is the frist planet?", "2 Echo: what is the frist planet?"]);
        (await _page.InnerTextAsync("[data-testid=version-label]")).ShouldBe("1/2");
        await BrowserAppFixture.ScreenshotAsync(_page, "chat-edited-versions");
    }

    [Fact]
    public async Task Chats_are_titled_by_their_first_message_listed_newest_first_and_a_reply_survives_switching_away_and_back()
    {
        _page = await fixture.SignedInPageAsync();
        await _page.SendAsync("alpha topic");
        await _page.WaitForSequenceAsync(2);
        var alphaUrl = _page.Url;
        await _page.ClickAsync("[data-testid=new-chat]");
        await _page.WaitForShownChatAsync("New chat");
        await _page.SendAsync("beta topic");
        await _page.WaitForSidebarAsync("beta topic", "alpha topic");

        // The reply is held after five words until the page is back: a slow machine cannot finish it first.
        var back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.App.Model.ReplyText = _ => LongReply;
        fixture.App.Model.BeforeTokenAsync = (request, index, ct) =>
            index == 5 && request.LastUserText == "alpha again" ? back.Task.WaitAsync(ct) : Task.CompletedTask;
        await _page.OpenChatAsync("alpha topic");
        _page.Url.ShouldBe(alphaUrl);
        await _page.SendAsync("alpha again");
        await _page.WaitForSidebarAsync("alpha topic", "beta topic");
        await _page.WaitForPartialReplyAsync("word3");
        await _page.OpenChatAsync("beta topic");
        await _page.Locator("[data-testid=message] >> text=Echo: beta topic").WaitForAsync();
        await _page.OpenChatAsync("alpha topic");
        var partial = await _page.Locator("[data-testid=reply-in-progress]").InnerTextAsync();
        await BrowserAppFixture.ScreenshotAsync(_page, "chat-sidebar");
        back.SetResult();
        await _page.WaitForSequenceAsync(4);

        partial.ShouldContain("word3", customMessage: "coming back shows what the bot has written so far");
        (await _page.MessagesAsync()).ShouldBe(["1 alpha topic", "2 Echo: alpha topic", "3 alpha again", $"4 {LongReply}"]);
        (await _page.TextContentAsync("[data-testid=chat-title]"))!.Trim().ShouldBe("alpha topic");
    }

    [Fact]
    public async Task Rename_and_delete_in_one_tab_show_at_once_in_a_second_tab_of_the_same_user()
    {
        _page = await fixture.SignedInPageAsync();
        await _page.SendAsync("to be renamed");
        await _page.WaitForSequenceAsync(2);
        var second = await _page.Context.NewPageAsync();
        await second.GotoAsync(_page.Url);
        await BrowserAppFixture.WaitUntilInteractiveAsync(second);
        await second.Locator("[data-testid=message]").Nth(1).WaitForAsync();

        await _page.ClickAsync("[data-testid=rename]");
        await _page.FillAsync("[data-testid=rename-input]", "Renamed   chat");
        await _page.Keyboard.PressAsync("Enter");
        await second.WaitForSidebarAsync("Renamed chat");
        await second.WaitForFunctionAsync("() => document.querySelector('[data-testid=chat-title]').innerText.trim() === 'Renamed chat'");
        await _page.SendAsync("sent from the first tab");
        await second.WaitForSequenceAsync(4);

        await _page.ClickAsync("[data-testid=delete]");
        await BrowserAppFixture.ScreenshotAsync(_page, "chat-delete-confirm");
        await _page.ClickAsync("[data-testid=delete-confirm]");
        var deletedUrl = second.Url;
        await second.WaitForFunctionAsync("u => location.href !== u", deletedUrl, new() { Timeout = 15_000 });
        await _page.WaitForSidebarAsync("New chat");
        await second.WaitForSidebarAsync("New chat");

        (await second.MessagesAsync()).ShouldBeEmpty("the tab left the deleted chat for a new one");
        (await _page.MessagesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bad_title_is_refused_in_words_and_Escape_keeps_the_old_one()
    {
        _page = await fixture.SignedInPageAsync();
        await _page.SendAsync("keep this title");
        await _page.WaitForSidebarAsync("keep this title");

        await _page.ClickAsync("[data-testid=rename]");
        await _page.FillAsync("[data-testid=rename-input]", "   ");
        await _page.Keyboard.PressAsync("Enter");
        var error = await _page.Locator("[data-testid=rename-error]").InnerTextAsync();
        await _page.Keyboard.PressAsync("Escape");

        error.ShouldContain("cannot be empty");
        await _page.WaitForSidebarAsync("keep this title");
        (await _page.Locator("[data-testid=rename-input]").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_page_follows_a_long_reply_until_the_reader_scrolls_up_and_then_stays_put()
    {
        fixture.App.Model.TokenDelay = TimeSpan.FromMilliseconds(30);
        fixture.App.Model.ReplyText = _ => string.Join("\n\n", Enumerable.Range(1, 70).Select(i => $"paragraph{i} of the answer"));
        _page = await fixture.SignedInPageAsync();
        const string AtBottom = "() => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 120";

        await _page.SendAsync("a very long answer please");
        await _page.WaitForPartialReplyAsync("paragraph25 ");
        var followed = await _page.EvaluateAsync<bool>(AtBottom);
        await _page.EvaluateAsync("() => { window.scrolls = [Math.round(scrollY)]; addEventListener('scroll', () => scrolls.push(Math.round(scrollY))); }");
        await _page.Mouse.MoveAsync(600, 300);
        await _page.Mouse.WheelAsync(0, -20_000);
        await _page.WaitForPartialReplyAsync("paragraph45 ");
        var scrolls = await _page.EvaluateAsync<int[]>("() => scrolls");
        var leftAtBottom = await _page.EvaluateAsync<bool>(AtBottom);
        await _page.WaitForSequenceAsync(2);

        followed.ShouldBeTrue("while the reader is at the bottom, new text stays in view");
        // Until the wheel reaches the page, following moves it down; from the first move up, nothing moves it down again.
        var timeline = string.Join(" ", scrolls);
        var up = Enumerable.Range(1, Math.Max(0, scrolls.Length - 1)).FirstOrDefault(i => scrolls[i] < scrolls[i - 1]);
        up.ShouldBeGreaterThan(0, $"the wheel scrolled the page up: {timeline}");
        var afterWheel = scrolls[(up - 1)..];
        afterWheel.Zip(afterWheel.Skip(1)).ShouldAllBe(p => p.Second <= p.First, $"once the reader scrolled up, new text does not pull the page down: {timeline}");
        leftAtBottom.ShouldBeFalse($"the page stays where the reader went: {timeline}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }
}
