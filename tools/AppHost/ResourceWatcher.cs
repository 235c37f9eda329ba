using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using ChatbotOrleans.LocalRun;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatbotOrleans.AppHost;

/// <summary>
/// Follows the app's resources in the terminal, as the DevHost did: each one's output line by line with its name,
/// and a resource that ends before Ctrl+C (or a failed migration) stops the run with a line saying which.
/// </summary>
public sealed partial class ResourceWatcher(DistributedApplication app, IReadOnlyCollection<string> appNames, Action<string> write) : IDisposable
{
    private const string MigrateName = "migrate";

    private readonly ResourceNotificationService _notifications = app.Services.GetRequiredService<ResourceNotificationService>();
    private readonly ResourceLoggerService _logs = app.Services.GetRequiredService<ResourceLoggerService>();
    private readonly IHostApplicationLifetime _lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
    private readonly ResourceCommandService _commands = app.Services.GetRequiredService<ResourceCommandService>();
    private readonly ConcurrentDictionary<string, Task> _relays = new();
    private readonly ConcurrentDictionary<string, string> _ended = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _watchingSources = new();
    private readonly CancellationTokenSource _watching = new();
    private string? _failure;

    // Goes on through Ctrl+C, so that the apps' last lines and ends are seen.
    public void Start() => _ = WatchAsync(_watching.Token);

    public void Dispose()
    {
        _watching.Cancel();
        _watching.Dispose();
    }

    /// <summary>True once the resource is healthy; false if the run stops first or the timeout passes (a failure).</summary>
    public async Task<bool> WaitUntilHealthyAsync(string name, TimeSpan timeout, CancellationToken stopping)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(timeout);
        try
        {
            await _notifications.WaitForResourceHealthyAsync(name, deadline.Token);
            return true;
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            Fail($"{name} was not ready within {timeout.TotalSeconds:0} s; see its lines above.");
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until dotnet watch watches the sources of every one of <paramref name="names"/>.</summary>
    public async Task WaitUntilWatchingAsync(IEnumerable<string> names, TimeSpan timeout, CancellationToken stopping)
    {
        try
        {
            await Task.WhenAll(names.Select(name => WatchingSources(name).Task)).WaitAsync(timeout, stopping);
        }
        catch (TimeoutException)
        {
            Fail($"dotnet watch did not watch the sources within {timeout.TotalSeconds:0} s; see its lines above.");
        }
        catch (OperationCanceledException)
        {
            // Stopping already.
        }
    }

    private TaskCompletionSource WatchingSources(string name) =>
        _watchingSources.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Waits for Ctrl+C or a failure; returns the failure, or null for Ctrl+C.</summary>
    public async Task<string?> WaitForStopAsync()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = _lifetime.ApplicationStopping.Register(stopped.SetResult);
        await stopped.Task;
        return _failure;
    }

    /// <summary>
    /// Stops the apps in the order given (each one's replicas together) and waits for them to end. Aspire would stop
    /// them all at once and not wait for them, so PostgreSQL, stopped next, would go while a silo still wrote to it.
    /// </summary>
    public async Task StopAsync(IEnumerable<string> names, bool watched, TimeSpan grace)
    {
        using var deadline = new CancellationTokenSource(grace);
        foreach (var name in names)
        {
            var ids = _relays.Keys.Where(id => _notifications.TryGetCurrentState(id, out var change) && change.Resource.Name == name).ToList();
            try
            {
                await Task.WhenAll(ids.Select(id => StopOneAsync(name, id, watched, grace, deadline.Token)));
            }
            catch (OperationCanceledException)
            {
                write($"{name} did not stop within {grace.TotalSeconds:0} s; it is ended with the rest.");
                return;
            }
        }
    }

    private int? Pid(string id) =>
        _notifications.TryGetCurrentState(id, out var change)
        && change.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
        && int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;

    private async Task StopOneAsync(string name, string id, bool watched, TimeSpan grace, CancellationToken cancellationToken)
    {
        if (!_ended.ContainsKey(id))
        {
            // Waited for by name: the notifications match a resource's name, and each replica's id is in the event.
            var ended = _notifications.WaitForResourceAsync(name, change => change.ResourceId == id && Ended(change.Snapshot), cancellationToken);
            if (watched && Pid(id) is { } pid)
            {
                // DCP's stop does not reach an app under dotnet watch, and the watcher does not pass it on.
                await ProcessTree.StopTreeAsync(pid, grace);
            }
            else
            {
                await _commands.ExecuteCommandAsync(id, KnownResourceCommands.StopCommand, cancellationToken);
            }

            await ended;
        }
    }

    private async Task WatchAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var change in _notifications.WatchAsync(stopping))
            {
                var name = change.Resource.Name;
                if (name != MigrateName && !appNames.Contains(name))
                {
                    continue;
                }

                _ = _relays.GetOrAdd(change.ResourceId, id => RelayAsync(name, id, stopping));
                if (Ended(change.Snapshot))
                {
                    _ended[change.ResourceId] = name;
                }

                if (Ended(change.Snapshot) && (name != MigrateName || change.Snapshot.ExitCode is not 0))
                {
                    Fail(name == MigrateName
                        ? $"the migrations failed (exit code {change.Snapshot.ExitCode}); see the lines above."
                        : $"{name} stopped unexpectedly (exit code {change.Snapshot.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}); stopping the rest.");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the resources end now, as they should.
        }
    }

    private async Task RelayAsync(string name, string resourceId, CancellationToken stopping)
    {
        try
        {
            await foreach (var batch in _logs.WatchAsync(resourceId).WithCancellation(stopping))
            {
                foreach (var line in batch)
                {
                    // DCP's own lines ("[sys] Starting process...") are for the dashboard; its time stamps too.
                    var content = TimeStamp().Replace(line.Content, string.Empty, 1);
                    if (!content.StartsWith("[sys] ", StringComparison.Ordinal))
                    {
                        write($"[{name}] {content}");
                    }

                    if (content.Contains(WatchCommand.WatchingLine, StringComparison.Ordinal))
                    {
                        WatchingSources(name).TrySetResult();
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is stopping; the rest of the output is in the dashboard's console logs until it ends.
        }
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT[0-9:.]+Z ")]
    private static partial Regex TimeStamp();

    private static bool Ended(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text is { } state
        && (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished || state == KnownResourceStates.FailedToStart);

    private void Fail(string message)
    {
        if (_lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return;
        }

        _failure ??= message;
        _lifetime.StopApplication();
    }
}
