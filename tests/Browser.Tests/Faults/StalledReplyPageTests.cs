using ChatbotOrleans.TestSupport;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests.Faults;

/// <summary>
/// A page whose awaited reply stays quiet follows the conversation's stream again and reloads (the way out
/// when a silo has dropped the page's subscription), and that look costs nothing: the reply still streams in
/// once and the model is asked once.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class StalledReplyPageTests(FaultAppFixture fixture) : IAsyncLifetime
{
    private const string StalledLine = "no event of the awaited reply";

    /// <summary>Below the fixture's 5 s model timeout, so the held token is not a silent model to the silo.</summary>
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(4);

    public ValueTask InitializeAsync()
    {
        fixture.ResetModel();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        fixture.ResetModel();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_reply_quiet_past_the_limit_makes_the_page_look_again_and_it_still_shows_the_reply_once()
    {
        // A frontend of its own, whose pages look again after 1 s of quiet (the default is 30 s).
        var frontend = await fixture.App.StartPublishedFrontendAsync(CancellationToken.None, new Dictionary<string, string?>
        {
            ["ChatPage__ReplyQuietLimit"] = "00:00:01",
        });
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(frontend, $"stalled-{Guid.NewGuid():N}@example.com");
        var conversation = page.ConversationIdOf().ToString();
        bool Looked() => fixture.App.Output.Any(l => l.Contains(StalledLine, StringComparison.Ordinal) && l.Contains(conversation, StringComparison.Ordinal));

        // The first token waits until the page has looked again (the frontend logs it), at most MaxHold.
        var model = fixture.App.Model;
        model.BeforeTokenAsync = async (_, index, ct) =>
        {
            var held = System.Diagnostics.Stopwatch.StartNew();
            while (index == 0 && !Looked() && held.Elapsed < MaxHold)
            {
                await Task.Delay(50, ct);
            }
        };
        var requestsBefore = model.RequestsStarted;
        await ChatPageProbe.SendAsync(page, "quiet at first");
        await ChatPageProbe.WaitForSettledAsync(page, 2, 30_000);

        // A second reply or a second request would come within moments of the first; give them time to show.
        var shown = await Poll.StaysTrueForAsync(() => ChatPageProbe.ShownAsync(page), s => s.Length == 2, "two messages shown", TimeSpan.FromSeconds(3));
        Looked().ShouldBeTrue($"the frontend logged that the page looked again for {conversation}\n{fixture.RecentOutput(40)}");
        shown.ShouldBe(["1 user quiet at first", "2 assistant Echo: quiet at first"]);
        (model.RequestsStarted - requestsBefore).ShouldBe(1, "the look again does not ask the model again");
        (await ChatPageProbe.ShownAfterReloadAsync(page, 2)).ShouldBe(shown, "what the page showed is what was stored");
        await context.CloseAsync();
    }
}
