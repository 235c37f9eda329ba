using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;

namespace ChatbotOrleans.Silo.ChatModels;

/// <summary>
/// Joins the fragments of a streamed reply that arrive closer together than an interval: every fragment
/// handed on is a stream event to each open page. The first fragment goes out at once and none waits longer
/// than the interval; nothing is lost, and text held back when the model fails is handed on before the failure.
/// </summary>
internal static class FragmentCoalescer
{
    public static async IAsyncEnumerable<string> CoalesceAsync(
        IAsyncEnumerable<string> fragments, TimeSpan interval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var source = fragments.GetAsyncEnumerator(cancellationToken);
        var held = new StringBuilder();
        long? lastSent = null;
        Task<bool>? next = null;

        // When what is held must go out: one timer per held batch, not one per fragment, which cost real CPU.
        // It is not cancelled when the batch leaves earlier: it fires once within the interval and is dropped.
        Task? due = null;
        ExceptionDispatchInfo? failure = null;
        try
        {
            while (true)
            {
                next ??= source.MoveNextAsync().AsTask();
                if (held.Length > 0 && !next.IsCompleted)
                {
                    due ??= Task.Delay(Remaining(lastSent!.Value, interval), CancellationToken.None);
                    if (await Task.WhenAny(next, due) != next)
                    {
                        // The model paused: what is held goes out now rather than waiting for the next fragment.
                        yield return Take(held, out lastSent, out due);
                        continue;
                    }
                }

                bool more;
                try
                {
                    more = await next;
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                    next = null;
                    break;
                }

                next = null;

                if (!more)
                {
                    break;
                }

                held.Append(source.Current);
                if (lastSent is null || interval <= TimeSpan.Zero || Stopwatch.GetElapsedTime(lastSent.Value) >= interval)
                {
                    yield return Take(held, out lastSent, out due);
                }
            }

            if (held.Length > 0)
            {
                yield return Take(held, out lastSent, out due);
            }

            failure?.Throw();
        }
        finally
        {
            // An abandoned enumeration (cancellation) may leave a read in flight; the source cannot be disposed under it.
            if (next is not null)
            {
                try
                {
                    await next;
                }
                catch (Exception)
                {
                    // Its outcome no longer matters to anyone.
                }
            }

            await source.DisposeAsync();
        }
    }

    private static string Take(StringBuilder held, out long? sentAt, out Task? due)
    {
        var text = held.ToString();
        held.Clear();
        sentAt = Stopwatch.GetTimestamp();
        due = null;
        return text;
    }

    private static TimeSpan Remaining(long sentAt, TimeSpan interval)
    {
        var remaining = interval - Stopwatch.GetElapsedTime(sentAt);
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }
}
