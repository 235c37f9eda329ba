using Microsoft.Playwright;
using Shouldly;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>Rows whose HTML the browser lacks are filled later (message-rows.js asks the server again): the reader stays put.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LateRowsTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    // Long enough that a few rows just above the window are hundreds of pixels, and that a reader in the middle of
    // the page's 32 messages is far from both ends of the list: no page loads, so nothing else keeps their place.
    private static readonly Dictionary<long, string> Texts = Enumerable.Range(3, 120).ToDictionary(
        s => (long)s,
        s => $"{(s % 2 == 1 ? "Question" : "Answer")} number {s} of the archive. " + string.Concat(Enumerable.Repeat("The keeper wrote down the tide, the wind and the ships that passed. ", 4)));

    public ValueTask InitializeAsync() => fixture.ResetModelAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Rows_above_the_reader_filled_late_by_asking_the_server_again_leave_the_message_being_read_in_place()
    {
        const int Reading = 107;
        var (page, _) = await fixture.OpenArchiveAsync("Late rows", 120, Texts);
        await ReadAsync(page, Reading);

        // The three rows just above the window lose their HTML, as rows do whose versions never reached the browser (a
        // send while the connection was down, or evicted from the script's waiting map); the row script no longer
        // holds those versions, so filling them again is the server's answer to RowsAgain, a real round trip.
        var emptied = await page.EvaluateAsync<int[]>(
            "() => { const rows = [...document.querySelectorAll('[data-row]')].filter(r => r.getBoundingClientRect().bottom < 0).slice(-3);" +
            " for (const row of rows) { row.replaceChildren(); delete row.dataset.bodyShown; delete row.dataset.metaShown; }" +
            " return rows.map(r => Number(r.dataset.row.split(':')[0])); }");
        emptied.Length.ShouldBe(3);
        emptied.ShouldAllBe(s => s < Reading);
        await ReadAsync(page, Reading); // Where they read now, the rows above it empty.
        var top = await TopInNextFrameAsync(page, Reading);

        // The rows appear again (as a render naming them would make them): the script finds their versions missing.
        await page.EvaluateAsync("ss => { for (const s of ss) { const r = document.querySelector(`[data-row^='${s}:']`); r.setAttribute('data-row', r.dataset.row); } }", emptied);
        await page.WaitForFunctionAsync(
            "ss => ss.every(s => { const r = document.querySelector(`[data-row^='${s}:']`); return r.dataset.bodyShown && r.dataset.metaShown; })", emptied);

        var after = await TopInNextFrameAsync(page, Reading);
        var filled = await page.EvaluateAsync<double>(
            "ss => ss.reduce((height, s) => height + document.querySelector(`[data-row^='${s}:']`).getBoundingClientRect().height, 0)", emptied);
        filled.ShouldBeGreaterThan(300, "the rows filled again are as tall as their messages");
        (await page.FirstShownAsync()).ShouldBe(122 - ArchiveSteps.Window + 1, "no page was read meanwhile");
        after.ShouldBe(top, 1.0, $"message {Reading} stays {top:0} px from the top while the rows above it are filled ({after:0} px after)");
    }

    // The reader scrolls up to the message, 200 px below the top of the window.
    private static async Task ReadAsync(IPage page, int sequence) =>
        await page.EvaluateAsync(
            "s => { const m = document.querySelector(`[data-testid=message][data-sequence='${s}']`); window.scrollTo(0, m.getBoundingClientRect().top + window.scrollY - 200); }",
            sequence);

    // Measured in a frame's callback, after the browser laid out (and scroll-anchored) the changes before it.
    private static Task<double> TopInNextFrameAsync(IPage page, int sequence) =>
        page.EvaluateAsync<double>(
            "s => new Promise(done => requestAnimationFrame(() => done(document.querySelector(`[data-testid=message][data-sequence='${s}']`).getBoundingClientRect().top)))",
            sequence);
}
