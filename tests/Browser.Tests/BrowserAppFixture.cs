using ChatbotOrleans.ChatPages;
using ChatbotOrleans.TestSupport;
using ChatbotOrleans.TestSupport.FakeOpenAI;
using Microsoft.Playwright;

namespace ChatbotOrleans.Browser.Tests;

/// <summary>
/// The whole app (a silo and the frontend as separate processes on a fresh database, the streaming
/// fake model) and Debian's headless Chromium driven by Playwright. Browser downloads cannot work here, so the
/// browser is the installed one (<see cref="HeadlessChromium"/>); ./test.sh installs it when it is missing.
/// </summary>
public sealed partial class BrowserAppFixture(PostgresServerFixture postgres) : IAsyncLifetime
{
    /// <summary>Lower than the default (20) so a test can reach it quickly; no other test sends more than two.</summary>
    public const int MessagesPerMinute = 5;

    public const int SignInsPerHour = 5;

    private IPlaywright? _playwright;

    public AppTopology App { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The second model offered ("second", shown as "Second model"), at its own port; the app's default is <see cref="AppTopology.Model"/>.</summary>
    public FakeOpenAIServer SecondModel { get; private set; } = null!;

    /// <summary>Where the silo writes emails as .eml files (no SMTP server is configured here).</summary>
    public DirectoryInfo MailFolder { get; } = Directory.CreateTempSubdirectory("chatbot-mail-");

    public static string ScreenshotDirectory { get; } = Path.Combine(LocalRun.RepositoryLayout.Find().Root, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        // Before the app starts: a missing browser fails at once, saying what to install.
        HeadlessChromium.Find();
        App = await AppTopology.CreateAsync(postgres, CancellationToken.None);
        var (exitCode, output) = await App.MigrateAsync(CancellationToken.None);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The migrations failed:\n{output}");
        }

        BaseUrl = new Uri($"http://127.0.0.1:{LocalRun.FreePort.Any()}/");
        SecondModel = await FakeOpenAIServer.StartAsync();
        await App.StartSiloAsync(CancellationToken.None, new Dictionary<string, string?>
        {
            ["OpenAI__RetryDelay"] = "00:00:00.050",
            ["Models__Catalog__second__DisplayName"] = "Second model",
            ["Models__Catalog__second__Endpoint"] = SecondModel.Endpoint.ToString(),
            ["Models__Catalog__second__Model"] = "second-upstream",
            ["Smtp__PickupFolder"] = MailFolder.FullName,
            ["Email__PublicUrl"] = BaseUrl.ToString().TrimEnd('/'),
            ["Conversations__MaxMessagesPerMinute"] = MessagesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn__MaxSignInsPerHour"] = SignInsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // Every test's users sign in from 127.0.0.1: one network, more than production's 60 an hour.
            ["SignIn__MaxPerNetworkPerHour"] = "100000",
        });
        await App.StartPublishedFrontendAsync(CancellationToken.None, FrontendSettings());

        _playwright = await Playwright.CreateAsync();
        Browser = await HeadlessChromium.LaunchAsync(_playwright);
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>
    /// Stops the web frontend (as a deploy or a crash does) and returns a callback that starts it again on the
    /// same address; pages open in the browser meanwhile lose their circuits.
    /// </summary>
    /// <param name="grace">How long the server may take to stop after SIGTERM before it is killed.</param>
    public async Task<Func<Task>> StopFrontendAsync(TimeSpan? grace = null)
    {
        var web = App.Processes.Last(p => p.Name == "web" && !p.HasExited);
        await web.StopAsync(grace ?? TimeSpan.FromSeconds(5));
        return () => App.StartPublishedFrontendAsync(CancellationToken.None, FrontendSettings());
    }

    // The published frontend in Production, as the container image runs it.
    private Dictionary<string, string?> FrontendSettings() => new()
    {
        ["Urls"] = BaseUrl.ToString().TrimEnd('/'),
    };

    /// <summary>Puts the shared fake model back to its plain behaviour: an instant echo, no faults.</summary>
    public ValueTask ResetModelAsync()
    {
        App.Model.TokenDelay = TimeSpan.Zero;
        App.Model.BeforeTokenAsync = null;
        App.Model.UsageFor = null;
        App.Model.ReplyText = request => "Echo: " + request.LastUserText;
        App.Model.ClearFaults();
        return ValueTask.CompletedTask;
    }

    /// <summary>A fresh browser context (no cookies) on the app, signed in as a new user.</summary>
    public async Task<IPage> SignedInPageAsync(string? email = null, BrowserNewContextOptions? options = null)
    {
        var page = options is null ? await NewPageAsync() : await (await Browser.NewContextAsync(options)).NewPageAsync();
        try
        {
            await page.SignInAsync(BaseUrl, email ?? $"user-{Guid.NewGuid():N}@example.com");
        }
        catch (TimeoutException exception)
        {
            await ScreenshotAsync(page, "sign-in-timeout");
            var text = await page.InnerTextAsync("body");
            throw new TimeoutException($"Signing in did not reach an interactive chat page; the browser is at {page.Url} showing:\n{text}\n{string.Join('\n', App.Output.TakeLast(30))}", exception);
        }

        return page;
    }

    /// <summary>Reads the sign-in link from the newest .eml the silo wrote for <paramref name="address"/> with the word in its subject.</summary>
    public async Task<string> LinkFromNewestMailToAsync(string address, string subjectWord)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            foreach (var file in MailFolder.GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc))
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file.FullName);
                if (message.To.ToString().Contains(address, StringComparison.OrdinalIgnoreCase)
                    && (message.Subject ?? "").Contains(subjectWord, StringComparison.OrdinalIgnoreCase)
                    && SignInLink().Match(message.TextBody ?? "") is { Success: true } match)
                {
                    return match.Value;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No email with a sign-in link reached {address}.");
            }

            await Task.Delay(100);
        }
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
        MailFolder.Delete(recursive: true);
        if (SecondModel is not null)
        {
            await SecondModel.DisposeAsync();
        }

        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"http://\S+/signin/link[?#]token=[A-Za-z0-9_\-%]+")]
    private static partial System.Text.RegularExpressions.Regex SignInLink();
}
