using ChatbotOrleans.TestSupport;
using Microsoft.Playwright;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>
/// The whole app (a silo and the frontend as separate processes on a fresh database, the streaming
/// fake model) and Debian's Chromium driven by Playwright. Browser downloads cannot work here, so the
/// browser is the installed one; ./test.sh installs it when it is missing.
/// </summary>
public sealed class BrowserAppFixture(PostgresServerFixture postgres) : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public AppTopology App { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = Path.Combine(DevHost.RepositoryLayout.Find().Root, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. Install it (sudo apt-get install -y chromium; ./test.sh does this) or set CHROMIUM_PATH.");
        }

        App = await AppTopology.CreateAsync(postgres, CancellationToken.None);
        await App.StartSiloAsync(CancellationToken.None, new Dictionary<string, string?> { ["OpenAI__RetryDelay"] = "00:00:00.050" });
        BaseUrl = await App.StartFrontendAsync(CancellationToken.None);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh browser context (no cookies) on the app, signed in as a new user.</summary>
    public async Task<IPage> SignedInPageAsync(string? email = null)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(BaseUrl.ToString());
        await page.FillAsync("#email", email ?? $"user-{Guid.NewGuid():N}@example.com");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/c/[0-9a-f]{32}$"));
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 800 } });
        return await context.NewPageAsync();
    }

    /// <summary>Blazor drops clicks before the circuit connects; the page enables its input only then.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=message-input]'); return i && !i.disabled; }");

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png") });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
