using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests.Faults;

/// <summary>One conversation open in two tabs, both sending at once.</summary>
[Collection(FaultCollection.Name)]
public sealed class TwoTabsTests(FaultAppFixture fixture) : IAsyncLifetime
{
    private const int SendsPerTab = 5;
    private static readonly string[] Tabs = ["tab A", "tab B"];

    private IPage? _page;

    public ValueTask InitializeAsync()
    {
        fixture.ResetModel();

        // Replies take a moment, so sends land while replies are streaming and queued.
        fixture.App.Model.TokenDelay = TimeSpan.FromMilliseconds(30);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Two_tabs_sending_at_the_same_time_show_one_identical_order_with_nothing_missing_or_doubled()
    {
        _page = await fixture.SignedInPageAsync();
        var otherTab = await FaultAppFixture.SecondTabAsync(_page);
        var texts = Tabs
            .SelectMany(tab => Enumerable.Range(1, SendsPerTab).Select(i => $"{tab} message {i}"))
            .ToList();

        await Task.WhenAll(SendAllAsync(_page, Tabs[0]), SendAllAsync(otherTab, Tabs[1]));
        await ChatPageProbe.WaitForSettledAsync(_page, 4 * SendsPerTab, 30_000);
        await ChatPageProbe.WaitForSettledAsync(otherTab, 4 * SendsPerTab, 30_000);
        var first = await ChatPageProbe.ShownAsync(_page);
        var second = await ChatPageProbe.ShownAsync(otherTab);

        var counts = $"tab A: {ChatPageProbe.Counts(texts.Count, first)}\ntab B: {ChatPageProbe.Counts(texts.Count, second)}";
        TestContext.Current.TestOutputHelper?.WriteLine(counts);
        second.ShouldBe(first, "both tabs show the same order; " + counts);
        first.Length.ShouldBe(4 * SendsPerTab, counts);
        first.Select(m => m[..m.IndexOf(' ', StringComparison.Ordinal)])
            .ShouldBe(Enumerable.Range(1, first.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), counts);
        foreach (var text in texts)
        {
            first.Count(m => m.EndsWith(" user " + text, StringComparison.Ordinal)).ShouldBe(1, counts);
            first.Count(m => m.EndsWith(" assistant Echo: " + text, StringComparison.Ordinal)).ShouldBe(1, counts);
        }

        foreach (var tab in Tabs)
        {
            var ownOrder = first.Where(m => m.Contains(" user " + tab, StringComparison.Ordinal)).Select(m => m[(m.IndexOf(" user ", StringComparison.Ordinal) + 6)..]);
            ownOrder.ShouldBe(texts.Where(t => t.StartsWith(tab, StringComparison.Ordinal)), "each tab's messages keep the order they were sent in; " + counts);
        }
    }

    public async ValueTask DisposeAsync()
    {
        fixture.ResetModel();
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }
    }

    private static async Task SendAllAsync(IPage tab, string name)
    {
        for (var i = 1; i <= SendsPerTab; i++)
        {
            await ChatPageProbe.SendAsync(tab, $"{name} message {i}");
            (await tab.Locator("[data-testid=send-error]").CountAsync()).ShouldBe(0, $"{name} message {i} was refused");
        }
    }
}
