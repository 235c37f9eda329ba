using System.Diagnostics;

namespace ChatbotOrleans.Bench.Phases;

/// <summary>Runs workers in a loop for a fixed window and counts what they did.</summary>
public static class Timed
{
    /// <summary>Runs <paramref name="operation"/> on <paramref name="workers"/> loops until <paramref name="window"/> passes; returns operations per second.</summary>
    public static async Task<double> RunForAsync(int workers, TimeSpan window, Func<int, Task> operation)
    {
        var started = Stopwatch.GetTimestamp();
        var stop = started + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var count = 0L;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < stop)
            {
                await operation(worker);
                Interlocked.Increment(ref count);
            }
        })));
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>Awaits <paramref name="task"/> but fails loudly instead of hanging the bench.</summary>
    public static async Task Within(this Task task, TimeSpan timeout, string what)
    {
        try
        {
            await task.WaitAsync(timeout);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0} s.", exception);
        }
    }
}
