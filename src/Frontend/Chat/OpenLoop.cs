using System.Diagnostics.CodeAnalysis;

namespace ChatbotOrleans.Frontend.Chat;

/// <summary>
/// Opens what a page shows, one open at a time, and keeps trying with one backoff when the cluster does not
/// answer: a start that found no silo, a reconnect, a reload that failed. A notice asking for a reload would
/// stay on a page nobody looks at until someone does.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The semaphore's wait handle is never asked for, so it holds nothing to free; disposing it would fail an open still releasing it as the page closes.")]
public sealed class OpenLoop(TimeProvider time)
{
    /// <summary>The wait before each try after a loss; the last one repeats until an open succeeds.</summary>
    public static readonly IReadOnlyList<TimeSpan> Delays =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    // Two opens at once would both follow the list or both subscribe to the chat.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _running;
    private bool _wanted;

    /// <summary>Runs <paramref name="work"/> (an open, or the end of what a reconnect lost) with no other beside it.</summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> work, CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation);
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Tries <paramref name="open"/> until it returns true and reports each outcome. While a loop runs, another
    /// call makes it go round once more instead of starting a second one: what was open may be lost again.
    /// </summary>
    public async Task KeepOpenAsync(Func<Task<bool>> open, Action<bool> reported, CancellationToken cancellation)
    {
        _wanted = true;
        if (_running)
        {
            return;
        }

        _running = true;
        try
        {
            for (var failures = 0; _wanted;)
            {
                await Task.Delay(Delays[Math.Min(failures, Delays.Count - 1)], time, cancellation);
                _wanted = false;
                var opened = await ExclusiveAsync(open, cancellation);
                failures = opened ? 0 : failures + 1;
                _wanted |= !opened;
                reported(opened);
            }
        }
        finally
        {
            _running = false;
        }
    }
}
