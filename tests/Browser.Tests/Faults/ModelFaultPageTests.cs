using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests.Faults;

/// <summary>Each fault of the model endpoint, one after another in one page.</summary>
[Collection(FaultCollection.Name)]
public sealed class ModelFaultPageTests(FaultAppFixture fixture) : IAsyncLifetime
{
    // The silo retries twice (three attempts) while no token has reached the user; after that a retry would repeat text.
    private static readonly ModelFault[] Faults =
    [
        new("429 with Retry-After once", m => m.FailNextRequests(1, 429, retryAfter: TimeSpan.FromSeconds(1)), ShowsFailure: false, Requests: 2),
        new("stream cut before the first token", m => m.CutConnectionAfterTokens(0), ShowsFailure: false, Requests: 2),
        new("500 on every attempt", m => m.FailNextRequests(3, 500), ShowsFailure: true, Requests: 3),
        new("model silent until the timeout", m => m.StallAfterTokens(0, requests: 3), ShowsFailure: true, Requests: 3),
        new("stream cut in the middle of the reply", m => m.CutConnectionAfterTokens(3), ShowsFailure: true, Requests: 1, HoldBeforeToken: 3),
        new("malformed chunk in the middle of the reply", m => m.SendMalformedChunkAfterTokens(3), ShowsFailure: true, Requests: 1, HoldBeforeToken: 3),
    ];

    /// <summary>A silent model costs three timeouts before the reply fails; the page then has a loaded machine's while to show it.</summary>
    private static readonly float SettleTimeoutMs = (float)((FaultAppFixture.ModelTimeout * 3) + TimeSpan.FromSeconds(20)).TotalMilliseconds;

    private IPage? _page;

    public ValueTask InitializeAsync()
    {
        fixture.ResetModel();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Every_model_fault_ends_in_the_answer_or_a_failed_reply_that_Retry_answers_and_typing_always_stops()
    {
        _page = await fixture.SignedInPageAsync();
        var model = fixture.App.Model;
        var report = new List<string>();
        var shownCount = 0;

        foreach (var fault in Faults)
        {
            var requestsBefore = model.RequestsStarted;
            fault.Arrange(model);
            var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            model.BeforeTokenAsync = (_, index, ct) => index == fault.HoldBeforeToken ? hold.Task.WaitAsync(ct) : Task.CompletedTask;
            await ChatPageProbe.SendAsync(_page, fault.Name);
            var partial = fault.HoldBeforeToken is null ? null : await ShownInProgressAsync();
            hold.TrySetResult();
            await ChatPageProbe.WaitForSettledAsync(_page, shownCount + 2, SettleTimeoutMs);
            var afterSend = await ChatPageProbe.ShownAsync(_page);
            var requests = model.Requests.Skip(requestsBefore).ToList();
            model.ClearFaults();
            string? error = null;
            if (afterSend[^1].Contains(" assistant failed ", StringComparison.Ordinal))
            {
                error = await _page.Locator("[data-testid=reply-error]").Last.InnerTextAsync();
                await _page.Locator("[data-testid=retry]").Last.ClickAsync();
                await ChatPageProbe.WaitForSettledAsync(_page, afterSend.Length + 1);
            }

            var shown = await ChatPageProbe.ShownAsync(_page);
            shownCount = shown.Length;
            var gap = requests.Count > 1 ? requests[1].StartedAt - requests[0].StartedAt : TimeSpan.Zero;
            var line = $"{fault.Name}: model requests {requests.Count}, partial reply shown \"{partial}\", failure shown {error is not null} ({error}), "
                + $"retry gap {gap.TotalSeconds:0.00} s, answer: {shown[^1]}";
            report.Add(line);

            (error is not null).ShouldBe(fault.ShowsFailure, line);
            requests.Count.ShouldBe(fault.Requests, line);
            requests.ShouldAllBe(r => r.LastUserText == fault.Name, line);
            shown[^1].ShouldBe($"{shown.Length} assistant Echo: {fault.Name}", line);
            if (error is not null)
            {
                error.ShouldNotBeNullOrWhiteSpace(line);
            }

            if (partial is not null)
            {
                afterSend[^1].ShouldContain(partial.Trim(), Case.Sensitive, "the failed reply keeps what was shown; " + line);
            }
        }

        var all = await ChatPageProbe.ShownAsync(_page);
        var counts = ChatPageProbe.Counts(Faults.Length, all) + "\n" + string.Join('\n', report);
        all.Select(m => int.Parse(m[..m.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(Enumerable.Range(1, all.Length), counts);
        foreach (var fault in Faults)
        {
            all.Count(m => m.EndsWith(" user " + fault.Name, StringComparison.Ordinal)).ShouldBe(1, counts);
            all.Count(m => m.EndsWith(" assistant Echo: " + fault.Name, StringComparison.Ordinal)).ShouldBe(1, counts);
        }

        all.Count(m => m.Contains(" assistant failed ", StringComparison.Ordinal)).ShouldBe(Faults.Count(f => f.ShowsFailure), counts);
        (await _page.Locator("[data-testid=retry]").CountAsync()).ShouldBe(0, "an answered failure offers no retry; " + counts);
        var rateLimited = model.Requests.Where(r => r.LastUserText == Faults[0].Name).ToList();
        (rateLimited[1].StartedAt - rateLimited[0].StartedAt).ShouldBeGreaterThan(TimeSpan.FromSeconds(0.9), "Retry-After is honoured; " + counts);
        TestContext.Current.TestOutputHelper?.WriteLine(counts);
    }

    /// <summary>Waits until the page shows the first tokens of the reply being streamed; returns them.</summary>
    private async Task<string> ShownInProgressAsync()
    {
        var inProgress = _page!.Locator("[data-testid=reply-in-progress] .text");
        await inProgress.WaitForAsync(new() { Timeout = 15_000 });
        return await inProgress.InnerTextAsync();
    }

    public async ValueTask DisposeAsync()
    {
        fixture.ResetModel();
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }
}
