using System.Collections.Concurrent;
using System.Net;

namespace ChatbotOrleans.Silo.Dashboard;

/// <summary>
/// Throttles guessing at the dashboard's password: a client address with <see cref="MaxFailures"/> failed
/// attempts in the last <see cref="Window"/> is refused until the oldest of them leaves the window, even with
/// the right password. Kept in memory per silo: a restart forgets it, which costs a guesser a restart per window.
/// </summary>
internal sealed class DashboardLockout(TimeProvider time)
{
    public const int MaxFailures = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    /// <summary>How long the client must wait, or <c>null</c> when it may try.</summary>
    public TimeSpan? WaitFor(IPAddress? client)
    {
        if (!_failures.TryGetValue(Key(client), out var failures))
        {
            return null;
        }

        lock (failures)
        {
            var now = time.GetUtcNow();
            while (failures.Count > 0 && now - failures.Peek() >= Window)
            {
                failures.Dequeue();
            }

            return failures.Count >= MaxFailures ? failures.Peek() + Window - now : null;
        }
    }

    public void RecordFailure(IPAddress? client)
    {
        var failures = _failures.GetOrAdd(Key(client), _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            failures.Enqueue(time.GetUtcNow());
            while (failures.Count > MaxFailures)
            {
                failures.Dequeue();
            }
        }
    }

    private static string Key(IPAddress? client) => client?.ToString() ?? "unknown";
}
