using System.Globalization;
using System.Text.RegularExpressions;
using ChatbotOrleans.ChatPages;
using ChatbotOrleans.LocalRun;
using ChatbotOrleans.TestSupport;
using Microsoft.Playwright;

namespace ChatbotOrleans.Browser.Tests.Faults;

/// <summary>
/// An app for fault tests, apart from the shared one because these tests break it: its own PostgreSQL
/// server (stopped and started again), a silo on fixed ports (killed and started again), quick failure
/// detection, and a model timeout of a few seconds. The frontend and the browser stay up throughout.
/// </summary>
public sealed partial class FaultAppFixture : IAsyncLifetime
{
    /// <summary>
    /// The silo gives up on a silent model after this long (then retries, then fails the reply). It bounds every
    /// wait for a byte of the stream, so it must outlast a pause of a loaded machine: at one second, a request
    /// whose first chunk came late was abandoned and asked again, a model request more than the test expected.
    /// </summary>
    public static readonly TimeSpan ModelTimeout = TimeSpan.FromSeconds(5);

    // Every log entry of the app's processes starts with its time, so a failure's log shows which step took long.
    private const string LogTimestamps = "Logging__Console__TimestampFormat";
    private const string LogTimestampFormat = "HH:mm:ss.fff ";

    private readonly Dictionary<string, string?> _siloSettings = FaultTuning.SiloSettingsWith(
        ("Orleans__SiloPort", FreePort.Any().ToString(CultureInfo.InvariantCulture)),
        ("Orleans__GatewayPort", FreePort.Any().ToString(CultureInfo.InvariantCulture)),
        ("OpenAI__RequestTimeout", ModelTimeout.ToString()),
        ("OpenAI__RetryDelay", "00:00:00.050"),
        (LogTimestamps, LogTimestampFormat));

    private PostgresServerFixture? _postgres;
    private IPlaywright? _playwright;
    private AppProcess? _silo;

    public AppTopology App { get; private set; } = null!;

    public PostgresServerFixture Postgres => _postgres ?? throw new InvalidOperationException("Not initialized.");

    public Uri BaseUrl { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // Before the app starts: a missing browser fails at once, saying what to install.
        HeadlessChromium.Find();
        _postgres = await PostgresServerFixture.StartPrivateAsync();
        App = await AppTopology.CreateAsync(_postgres, CancellationToken.None);
        var (exitCode, output) = await App.MigrateAsync(CancellationToken.None);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The migrations failed:\n{output}");
        }

        await StartSiloAsync();
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort.Any()}/");
        await App.StartPublishedFrontendAsync(CancellationToken.None, new Dictionary<string, string?>
        {
            ["Urls"] = BaseUrl.ToString().TrimEnd('/'),
            [LogTimestamps] = LogTimestampFormat,
        });

        _playwright = await Playwright.CreateAsync();
        Browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    /// <summary>Puts the model back to quick, faultless echo replies.</summary>
    public void ResetModel()
    {
        App.Model.ClearFaults();
        App.Model.BeforeTokenAsync = null;
        App.Model.TokenDelay = TimeSpan.Zero;
        App.Model.FirstTokenDelay = TimeSpan.Zero;
        App.Model.ReplyText = request => "Echo: " + request.LastUserText;
    }

    /// <summary>Kills the silo (SIGKILL) and starts a new one on the same ports; returns when it is an active member.</summary>
    public async Task RestartSiloAfterKillAsync()
    {
        await KillSiloAsync();
        await StartSiloAsync();
    }

    /// <summary>Kills the silo (SIGKILL) and leaves the cluster without one until <see cref="StartSiloAsync"/>.</summary>
    public Task KillSiloAsync() => _silo!.KillAsync();

    /// <summary>Starts a silo with the current settings; returns when it is an active member.</summary>
    public async Task StartSiloAsync() => (_silo, _) = await App.StartSiloAsync(CancellationToken.None, _siloSettings);

    /// <summary>
    /// Kills the silo (SIGKILL) and starts a new one on other silo and gateway ports, as a redeployed container
    /// comes back at another address: the frontend knows only the dead gateway until it reads the membership
    /// table again. Returns, once the new silo is an active member, how long that took from the kill; later
    /// restarts keep the new ports.
    /// </summary>
    public async Task<TimeSpan> ReplaceSiloOnOtherPortsAsync()
    {
        await KillSiloAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _siloSettings["Orleans__SiloPort"] = FreePort.Any().ToString(CultureInfo.InvariantCulture);
        _siloSettings["Orleans__GatewayPort"] = FreePort.Any().ToString(CultureInfo.InvariantCulture);
        await StartSiloAsync();
        return clock.Elapsed;
    }

    /// <summary>A fresh browser context signed in as a new user, on an interactive chat page.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.SignInAsync(BaseUrl, $"fault-{Guid.NewGuid():N}@example.com");
        return page;
    }

    /// <summary>Another tab of the same browser context (same user) on the same address.</summary>
    public static async Task<IPage> SecondTabAsync(IPage page)
    {
        var tab = await page.Context.NewPageAsync();
        await tab.GotoAsync(page.Url);
        await BrowserAppFixture.WaitUntilInteractiveAsync(tab);
        return tab;
    }

    /// <summary>What the output of the processes ended with, for failure messages.</summary>
    public string RecentOutput(int lines = 30) => string.Join('\n', App.Output.TakeLast(lines));

    /// <summary>Where the app's log is now; <see cref="LogSince"/> gives what came after.</summary>
    public int LogMark => App.Output.Count;

    /// <summary>The app's log since <paramref name="mark"/> without stack frames, for a failure's message.</summary>
    public string LogSince(int mark) =>
        string.Join('\n', App.Output.Skip(mark).Where(line => !StackFrame().IsMatch(line)).Take(300));

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

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    // "[silo0]          at Npgsql.…": a stack frame of an exception the log entry carries.
    [GeneratedRegex(@"^\[\w+\]\s+at ")]
    private static partial Regex StackFrame();
}
