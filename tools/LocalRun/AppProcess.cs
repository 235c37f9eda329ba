using System.Diagnostics;

namespace ChatbotOrleans.LocalRun;

/// <summary>
/// One app process (silo or frontend), run from its built assembly or under <c>dotnet watch</c>: its output
/// is relayed line by line with a prefix, it can be waited on over HTTP, and it is stopped the way a
/// container would be (SIGTERM, then a kill after a grace period).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _watching = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public Task Exited => _process.WaitForExitAsync();

    /// <summary>Completes once the process's launcher watches the sources (never for a built assembly).</summary>
    public Task Watching => _watching.Task;

    /// <summary>Starts the built <paramref name="assembly"/> with <paramref name="arguments"/>.</summary>
    public static AppProcess Start(
        string name,
        string assembly,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        Action<string> output,
        params string[] arguments) =>
        Start(name, AppLaunch.Built(assembly, arguments), workingDirectory, environment, output);

    public static AppProcess Start(
        string name,
        AppLaunch launch,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        Action<string> output)
    {
        var info = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        launch.ApplyTo(info);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var app = new AppProcess(process, name);
        process.OutputDataReceived += (_, e) => Relay(e.Data);
        process.ErrorDataReceived += (_, e) => Relay(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;

        void Relay(string? line)
        {
            if (line is not null)
            {
                output($"[{name}] {line}");
                if (launch.WatchingLine is { } watching && line.Contains(watching, StringComparison.Ordinal))
                {
                    app._watching.TrySetResult();
                }
            }
        }
    }

    /// <summary>Polls <paramref name="url"/> until it answers 2xx, the process exits, or the timeout passes.</summary>
    public async Task WaitUntilHealthyAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One slow answer; try again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} was not ready at {url} within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>
    /// Asks the app to stop (SIGTERM) and kills what is left after <paramref name="grace"/>. Under dotnet watch
    /// the app is the tip of the tree: the watcher and <c>dotnet run</c> above it stop only on a Ctrl+C key
    /// from a console, so they are killed once the app has ended.
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            return;
        }

        await ProcessTree.StopTreeAsync(_process.Id, grace);
        await _process.WaitForExitAsync();
    }

    /// <summary>Ends the process at once, as a crash or an OOM kill would (SIGKILL).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
