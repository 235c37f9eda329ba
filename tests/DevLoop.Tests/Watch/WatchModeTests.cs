using System.Diagnostics;
using ChatbotOrleans.LocalRun;

namespace ChatbotOrleans.DevLoop.Tests.Watch;

/// <summary>
/// `./run.sh --watch` in a project of its own (<see cref="WatchedProject"/>): an edit of the sign-in page is served
/// without a restart by hand, and Ctrl+C leaves no process of the run behind (app, watcher or PostgreSQL).
/// </summary>
[Collection(WatchTarget.Collection)]
public sealed class WatchModeTests(WatchedProject project, ITestOutputHelper output)
{
    private const string SignInPage = "src/Frontend/Components/Pages/SignIn/SignIn.razor";
    private const string Lead = "Enter your email address to continue.";

    [Fact]
    public async Task An_edited_page_is_served_while_running_and_ctrl_c_leaves_no_process_behind()
    {
        var (folder, built) = await project.ReadyAsync();
        var marker = "devloop-watch-" + Guid.NewGuid().ToString("N");
        var port = FreePort.Any();

        // As the project's first build ran (if it had one), so that run.sh's build finds it up to date.
        var environment = built.ToDictionary(variable => variable.Key, string? (variable) => variable.Value);
        environment["DEVLOOP_WATCH_RUN"] = marker;
        environment["ConnectionStrings__Orleans"] = null;
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";

        // MSBuild reads it as a property: run.sh's build skips the analyzers, which this repository's own build
        // has run on the same sources; the test is about the watch loop, not the analyzers.
        environment["RunAnalyzers"] = "false";
        var compiled = CompiledAssemblies(folder);
        using var run = new RunningScript(folder, ["bash", "run.sh", "--watch", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await run.WaitForLineAsync("is running: open", TimeSpan.FromMinutes(10));
            var started = run.Elapsed;
            (await SignInPageAsync(http)).ShouldContain(Lead, Case.Sensitive, "the sign-in page before the edit");
            // Built as ./test.sh builds, the app comes up without compiling anything again: not the shared library after the
            // silo's watcher loaded it in a design-time build (Directory.Build.targets), not the silo after a restore in
            // another mode (Directory.Build.props). Each added 10-40 s to a start.
            CompiledAssemblies(folder).Except(compiled).ShouldBeEmpty("compiled again on the way up");

            var edited = $"Enter your address, {marker[^8..]}, to continue.";
            var page = Path.Combine(folder, SignInPage);
            await File.WriteAllTextAsync(page, (await File.ReadAllTextAsync(page, Ct)).Replace(Lead, edited, StringComparison.Ordinal), Ct);
            run.Note($"edited {SignInPage}");
            var clock = Stopwatch.StartNew();
            await WaitForPageAsync(http, edited, run);
            var served = clock.Elapsed;

            run.Note("the edit is served; Ctrl+C");
            var exitCode = await run.InterruptAsync(TimeSpan.FromMinutes(1));

            exitCode.ShouldBe(0, run.Output);
            run.Output.ShouldContain("PostgreSQL stopped", Case.Sensitive, run.Output);
            var left = await ProcessesLeftAsync(marker, folder);
            left.ShouldBeEmpty($"processes of the run left after Ctrl+C:\n{string.Join('\n', left)}\n{run.Output}");
            run.Note($"up after {started.TotalSeconds:0} s; edit served {served.TotalSeconds:0.0} s after it was saved; stopped and checked at {run.Elapsed.TotalSeconds:0} s");
        }
        finally
        {
            // Kept for reading after a run: the test runner shows a passing test's output nowhere.
            var log = Repository.PathOf(Path.Combine("artifacts", "devloop", "watch-run.txt"));
            Directory.CreateDirectory(Path.GetDirectoryName(log)!);
            await File.WriteAllTextAsync(log, run.Output, CancellationToken.None);
            output.WriteLine(run.Output);
        }
    }

    // What the compiler wrote for the app's projects, by path and time: compiled again, one shows with a new time. A
    // project the build never reached has no obj folder; if the run compiles it, it shows as new.
    private static HashSet<string> CompiledAssemblies(string folder) =>
        [.. System.IO.Directory.EnumerateDirectories(Path.Combine(folder, "src"))
            .Select(project => Path.Combine(project, "obj"))
            .Where(System.IO.Directory.Exists)
            .SelectMany(obj => System.IO.Directory.EnumerateFiles(obj, "*.dll", SearchOption.AllDirectories))
            .Select(path => $"{Path.GetRelativePath(folder, path)} {File.GetLastWriteTimeUtc(path):HH:mm:ss.fff}")];

    // The SDK's build servers (MSBuild nodes, the compiler server) outlive every build by design and serve the
    // next one, whoever started them: they are no process of the app.
    private static bool IsOfThisRun(string process) =>
        !process.Contains("MSBuild.dll", StringComparison.Ordinal) && !process.Contains("VBCSCompiler", StringComparison.Ordinal);

    // A killed process is gone once the system has reaped it: a moment after run.sh ends, not at once.
    private static async Task<List<string>> ProcessesLeftAsync(string marker, string folder)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var left = ProcessScan.Find(marker, folder).Where(IsOfThisRun).ToList();
        while (left.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
            left = [.. ProcessScan.Find(marker, folder).Where(IsOfThisRun)];
        }

        return left;
    }

    private static async Task WaitForPageAsync(HttpClient http, string text, RunningScript run)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var page = string.Empty;
        while (!page.Contains(text, StringComparison.Ordinal))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"the edit '{text}' was never served; last page:\n{page}\n{run.Output}");
            await Task.Delay(200, Ct);
            page = await SignInPageAsync(http);
        }
    }

    private static async Task<string> SignInPageAsync(HttpClient http)
    {
        try
        {
            return await http.GetStringAsync("signin", Ct);
        }
        catch (HttpRequestException exception)
        {
            // A restarting frontend refuses connections for a moment.
            return exception.Message;
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
