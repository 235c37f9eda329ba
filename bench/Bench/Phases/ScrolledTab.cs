using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using ChatbotOrleans.Bench.Chats;
using ChatbotOrleans.Grains.Abstractions;
using Microsoft.Playwright;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>A tab on a signed-in user's chat, opened at its newest message, that scrolls back to the first as a reader does.</summary>
public sealed class ScrolledTab
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    // Goes to the top until the first message and "The beginning of this chat." are shown. After a page is put
    // above, the page's script scrolls down by as much to keep the reader's place, so each page takes one more
    // trip to the top: on the list's next change, or after a quarter second if none came (a load still running).
    private const string ScrollToFirst = """
        async (deadlineMs) => {
          const list = document.querySelector("[data-history]");
          const first = () => Number(list.querySelector("[data-testid=message]")?.dataset.sequence ?? 0);
          const deadline = Date.now() + deadlineMs;
          let scrolls = 0;
          while (!(first() === 1 && list.querySelector("[data-testid=history-start]"))) {
            if (Date.now() > deadline) {
              throw new Error(`still at message ${first()} after ${scrolls} scrolls to the top`);
            }

            window.scrollTo(0, 0);
            scrolls++;
            await new Promise((resolve) => {
              const done = () => { observer.disconnect(); clearTimeout(timer); resolve(); };
              const observer = new MutationObserver(done);
              const timer = setTimeout(done, 250);
              observer.observe(list, { childList: true });
            });
          }

          return [scrolls, list.querySelectorAll("[data-testid=message]").length, document.getElementsByTagName("*").length];
        }
        """;

    private readonly IPage _page;

    private ScrolledTab(IPage page) => _page = page;

    /// <summary>Signs a new user in on a page, then leaves it; returns their chat (the page's first) for the grain API.</summary>
    public static async Task<(ChatProbe Chat, Uri ChatUrl)> SignInAsync(IClusterClient client, IBrowserContext user, Uri url)
    {
        var page = await ChatBrowser.SignInAsync(user, url);
        var chatUrl = new Uri(page.Url);
        var conversation = new ConversationId(Guid.Parse(chatUrl.Segments[^1]));
        var owner = await UserIdAsync(user, url);

        // Unloading ends the page's circuit (Blazor says so as the page goes), so it does not render the messages sent next.
        await page.GotoAsync("about:blank");
        await page.CloseAsync();
        return (new ChatProbe(client, owner, conversation), chatUrl);
    }

    /// <summary>Opens the chat in a window of its own, signed in with <paramref name="user"/>'s cookies.</summary>
    /// <remarks>
    /// Tabs of one browser context share its window, and Chromium runs the observers of those behind the front one
    /// about once a second: each scroll to the top took a second there.
    /// </remarks>
    public static async Task<ScrolledTab> OpenAsync(IBrowser browser, IBrowserContext user, Uri chatUrl, long newest)
    {
        var window = await browser.NewContextAsync(new() { StorageState = await user.StorageStateAsync() });
        var page = await window.NewPageAsync();
        await page.GotoAsync(chatUrl.ToString());
        await ChatBrowser.WaitUntilInteractiveAsync(page);
        await page.Locator($"[data-testid=message][data-sequence='{newest}']").WaitForAsync();
        return new ScrolledTab(page);
    }

    public async Task<ScrollResult> ScrollToFirstAsync()
    {
        var clock = Stopwatch.StartNew();
        var read = await _page.EvaluateAsync<int[]>(ScrollToFirst, Deadline.TotalMilliseconds);
        return new ScrollResult(clock.Elapsed, read[0], read[1], read[2]);
    }

    // The user's own export names them: the grain API needs the id that the page keeps in its sign-in cookie.
    private static async Task<UserId> UserIdAsync(IBrowserContext user, Uri url)
    {
        var response = await user.APIRequest.GetAsync(new Uri(url, "account/export").ToString());
        if (!response.Ok)
        {
            throw new InvalidOperationException($"The account export answered {response.Status}.");
        }

        using var zip = new ZipArchive(new MemoryStream(await response.BodyAsync()));
        await using var account = zip.GetEntry("account.json")?.Open() ?? throw new InvalidOperationException("The export has no account.json.");
        using var json = await JsonDocument.ParseAsync(account);
        return new UserId(Guid.Parse(json.RootElement.GetProperty("id").GetString()!));
    }
}
