using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ChatbotOrleans.DevLoop.Tests.Watch;

/// <summary>
/// A long-running script (./run.sh) whose output lines are kept with the time each arrived, so a test can wait
/// for a line, signal the script as a terminal's Ctrl+C would, and show everything it printed when it fails.
/// </summary>
public sealed partial class RunningScript : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public RunningScript(string workingDirectory, IReadOnlyList<string> commandLine, IReadOnlyDictionary<string, string?> environment)
    {
        // Ctrl+C reaches a terminal's foreground command with SIGINT at its default. A suite started in the
        // background of a script inherits SIGINT ignored, and .NET keeps an inherited ignore: give it the default.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add("--default-signal=INT");
        foreach (var argument in commandLine)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Everything printed so far, each line after the seconds since the start.</summary>
    public string Output => string.Join('\n', _lines);

    /// <summary>Waits for a line containing <paramref name="text"/>; fails, with the output, if the script ends first.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"run.sh exited ({_process.ExitCode}) before printing '{text}':\n{Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"run.sh did not print '{text}' within {timeout.TotalSeconds:0} s:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Sends SIGINT, what Ctrl+C in its terminal sends it, and waits for the script to end.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        Kill(_process.Id, SigInt).ShouldBe(0, "SIGINT could not be sent");
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"run.sh did not stop within {timeout.TotalSeconds:0} s of Ctrl+C:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>Adds a line of the test's own to the output, at the time it happened.</summary>
    public void Note(string line) => Keep("(test) " + line);

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue($"{_clock.Elapsed.TotalSeconds,6:0.0} {line}");
        }
    }

    private const int SigInt = 2;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
