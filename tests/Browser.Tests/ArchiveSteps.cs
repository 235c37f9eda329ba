using Microsoft.Playwright;
using Npgsql;
using NpgsqlTypes;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>Long chats for the archive tests, made in seconds instead of sent one by one under the rate limit.</summary>
internal static class ArchiveSteps
{
    /// <summary>How many messages the chat page loads with the conversation (the silo's default window).</summary>
    public const int Window = 32;

    /// <summary>The button that appears when the reader is far from the newest message.</summary>
    public const string JumpToLatest = "[data-testid=jump-to-latest]";

    /// <summary>
    /// Signs a new user in with a chat of <paramref name="count"/> + 2 messages: the first exchange is sent on the page
    /// (it names the chat), the rest is written straight into the message log, as the benchmark's archive is. The
    /// grain holding the chat does not know of them yet, so one more send collides with message 3 in the log: the
    /// grain drops its activation (as after any failed write), and the reloaded page reads the whole log from a new one.
    /// </summary>
    public static async Task<(IPage Page, Guid Conversation)> OpenArchiveAsync(
        this BrowserAppFixture fixture, string title, int count, IReadOnlyDictionary<long, string>? texts = null)
    {
        var page = await fixture.SignedInPageAsync();
        await page.SendAsync(title);
        await page.WaitForSequenceAsync(2);
        var conversation = page.ConversationIdOf();
        await WriteAsync(fixture.App.ConnectionString, conversation, count, texts ?? new Dictionary<long, string>());

        await page.FillAsync(PageSteps.Input, "one more, to meet the archive");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-testid=send-error]").WaitForAsync();
        await page.ReloadAsync();
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
        await page.WaitForSequenceAsync(count + 2);
        return (page, conversation);
    }

    /// <summary>Scrolls to the very top; returns the first message shown and its distance from the top of the window.</summary>
    /// <param name="page">The chat page.</param>
    /// <param name="changingThePage">Also changes the chat in the same task (a node coming and going), before the browser sends its scroll event.</param>
    public static async Task<(int Sequence, double Top)> ScrollToTopAsync(this IPage page, bool changingThePage = false)
    {
        var read = await page.EvaluateAsync<double[]>(
            "change => { window.scrollTo(0, 0); " +
            "if (change) { const c = document.createElement('span'); document.querySelector('.chat').append(c); c.remove(); } " +
            "const m = document.querySelector('[data-testid=message]'); return [Number(m.dataset.sequence), m.getBoundingClientRect().top]; }",
            changingThePage);
        return ((int)read[0], read[1]);
    }

    public static Task<double> TopOfAsync(this IPage page, int sequence) =>
        page.EvaluateAsync<double>("s => document.querySelector(`[data-testid=message][data-sequence='${s}']`).getBoundingClientRect().top", sequence);

    public static Task<int> FirstShownAsync(this IPage page) =>
        page.EvaluateAsync<int>("() => Number(document.querySelector('[data-testid=message]').dataset.sequence)");

    /// <summary>Whether the message is within the window's visible height.</summary>
    public static Task<bool> InViewAsync(this IPage page, int sequence) =>
        page.EvaluateAsync<bool>(
            "s => { const r = document.querySelector(`[data-testid=message][data-sequence='${s}']`)?.getBoundingClientRect(); return !!r && r.bottom > 0 && r.top < window.innerHeight; }",
            sequence);

    private static async Task WriteAsync(string connectionString, Guid conversation, int count, IReadOnlyDictionary<long, string> texts)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY conversation_messages (conversation_id, sequence, message_id, created_at, reply_to, role, status, text) FROM STDIN (FORMAT BINARY)");
        var start = DateTimeOffset.UtcNow.AddSeconds(-count - 3);
        var question = Guid.Empty;
        for (long sequence = 3; sequence < count + 3; sequence++)
        {
            var id = Guid.NewGuid();
            var isUser = sequence % 2 == 1;
            await writer.StartRowAsync();
            await writer.WriteAsync(conversation, NpgsqlDbType.Uuid);
            await writer.WriteAsync(sequence, NpgsqlDbType.Bigint);
            await writer.WriteAsync(id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(start.AddSeconds(sequence).ToUniversalTime(), NpgsqlDbType.TimestampTz);
            if (isUser)
            {
                await writer.WriteNullAsync();
            }
            else
            {
                await writer.WriteAsync(question, NpgsqlDbType.Uuid);
            }

            await writer.WriteAsync((short)(isUser ? 0 : 1), NpgsqlDbType.Smallint);
            await writer.WriteAsync((short)0, NpgsqlDbType.Smallint);
            await writer.WriteAsync(texts.TryGetValue(sequence, out var text) ? text : $"{(isUser ? "Question" : "Answer")} number {sequence} of the archive", NpgsqlDbType.Text);
            question = isUser ? id : question;
        }

        await writer.CompleteAsync();
    }
}
