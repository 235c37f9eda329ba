using System.Diagnostics;
using ChatbotOrleans.TestSupport;
using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests.Faults;

/// <summary>The page through a database restart, with the cluster, the frontend and the browser left running.</summary>
[Collection(FaultCollection.Name)]
public sealed class DatabaseFaultPageTests(FaultAppFixture fixture) : IAsyncLifetime
{
    /// <summary>How long a send may take to say it failed while the database is down: well under Orleans' 30 s call timeout.</summary>
    private static readonly TimeSpan OutageAnswerDeadline = TimeSpan.FromSeconds(10);

    private IPage? _page;

    public ValueTask InitializeAsync()
    {
        fixture.ResetModel();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task While_the_database_is_down_a_send_fails_in_words_within_seconds_and_afterwards_everything_is_stored_once()
    {
        _page = await fixture.SignedInPageAsync();
        var requestsBefore = fixture.App.Model.RequestsStarted;

        // A reply is streaming when the database goes away, and ends while it is gone: it cannot be stored.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.App.Model.BeforeTokenAsync = (request, index, ct) =>
            request.LastUserText == "before the outage" && index == 2 ? release.Task.WaitAsync(ct) : Task.CompletedTask;
        await ChatPageProbe.SendAsync(_page, "before the outage");
        await _page.Locator("[data-testid=reply-in-progress] .text").WaitForAsync();

        var logMark = fixture.LogMark;
        await fixture.Postgres.StopAsync();
        release.SetResult();
        var clock = Stopwatch.StartNew();
        string error;
        string[] shownDuringOutage;
        string draft;
        try
        {
            await ChatPageProbe.SendAsync(_page, "during the outage", (float)(OutageAnswerDeadline + TimeSpan.FromSeconds(30)).TotalMilliseconds);
            clock.Stop();
            error = await _page.Locator("[data-testid=send-error]").InnerTextAsync(new() { Timeout = 1_000 });

            // Read while the database is still down: once it is back, the owed reply is written within a sweep.
            shownDuringOutage = await ChatPageProbe.ShownAsync(_page);
            draft = await _page.InputValueAsync("[data-testid=message-input]");
        }
        finally
        {
            await fixture.Postgres.StartAgainAsync();
        }

        var attempts = await ChatPageProbe.SendUntilStoredAsync(fixture, _page, "during the outage", expectedMessages: 4);
        var shown = await ChatPageProbe.ShownAfterReloadAsync(_page, 4);
        await Poll.StaysTrueForAsync(
            () => OwnRequests(), n => n <= 2, "at most two model requests for the reply owed at the outage");

        var counts = $"{ChatPageProbe.Counts(2, shown)}; replies streaming at the outage 1; the failed send answered in "
            + $"{clock.Elapsed.TotalSeconds:0.0} s with \"{error}\"; sends needed once the database was back: {attempts}; "
            + $"model requests for the reply owed at the outage {OwnRequests()}";
        TestContext.Current.TestOutputHelper?.WriteLine(counts);
        clock.Elapsed.ShouldBeLessThan(OutageAnswerDeadline, $"{counts}\nThe app's log since the outage began:\n{fixture.LogSince(logMark)}");
        error.ShouldNotBeNullOrWhiteSpace(counts);
        draft.ShouldBe("during the outage", "the text of the failed send is kept; " + counts);
        shownDuringOutage.ShouldBe(["1 user before the outage"], "nothing more was shown as stored; " + counts);
        OwnRequests()
            .ShouldBe(2, "the reply that could not be stored is written again once, after the outage; " + counts);

        // The reply owed since the outage may be stored before or after the second message; each once, after its question.
        shown.Length.ShouldBe(4, counts);
        shown.Select(m => m[..m.IndexOf(' ', StringComparison.Ordinal)]).ShouldBe(["1", "2", "3", "4"], counts);
        foreach (var text in new[] { "before the outage", "during the outage" })
        {
            var question = Array.FindIndex(shown, m => m.EndsWith(" user " + text, StringComparison.Ordinal));
            var answer = Array.FindIndex(shown, m => m.EndsWith(" assistant Echo: " + text, StringComparison.Ordinal));
            question.ShouldBeGreaterThanOrEqualTo(0, counts);
            answer.ShouldBeGreaterThan(question, counts);
        }

        // This test's requests only: the fake model serves every test of the collection.
        int OwnRequests() => fixture.App.Model.Requests.Count(r => r.Number > requestsBefore && r.LastUserText == "before the outage");
    }

    public async ValueTask DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }
}
