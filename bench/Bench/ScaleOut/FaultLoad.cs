using System.Collections.Concurrent;
using System.Diagnostics;
using ChatbotOrleans.Bench.Chats;
using ChatbotOrleans.Bench.Hosting;
using ChatbotOrleans.Bench.Measure;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Bench.ScaleOut;

/// <summary>
/// Conversations that keep sending while silos go away, as pages do: a send that fails is sent again with the same
/// message id, and a reply whose event never came (published while its silo went away) is read from the snapshot,
/// state being the truth. Records every accepted id, when each conversation saw each reply, and its longest stall
/// (send → its reply seen).
/// </summary>
public sealed class FaultLoad(IReadOnlyList<ChatProbe> chats, int characters, TimeSpan pause)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    // How long a reply's event may be late before the snapshot is read (a page would reload on the next event's gap).
    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(1);
    // As long as the page waits for a send's first try (PatientChange.Patience in the frontend).
    private static readonly TimeSpan SendPatience = TimeSpan.FromSeconds(5);
    private readonly ConcurrentQueue<long>[] _replies = [.. chats.Select(_ => new ConcurrentQueue<long>())];
    private readonly double[] _longestStall = new double[chats.Count];
    private Task? _running;
    private int _retriedSends;
    private int _timedOutCalls;
    private int _fromSnapshot;
    private int _unanswered;
    private volatile bool _stopping;

    public ConcurrentBag<MessageId> Accepted { get; } = [];

    /// <summary>How many lines the processes had written when this load started: its run's own lines come after.</summary>
    public int OutputMark { get; init; }

    public int RetriedSends => _retriedSends;

    /// <summary>Sends that waited the client's whole response timeout (a call the dead silo never answered).</summary>
    public int TimedOutCalls => _timedOutCalls;

    /// <summary>Replies seen in a snapshot because their event never arrived.</summary>
    public int RepliesFromSnapshot => _fromSnapshot;

    /// <summary>Messages whose reply was not seen within the deadline.</summary>
    public int Unanswered => _unanswered;

    public void Start() => _running = Task.WhenAll(chats.Select((_, i) => Task.Run(() => LoopAsync(i))));

    /// <summary>Lets every conversation finish the turn it is in, then returns.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        await _running!;
    }

    /// <summary>Each conversation's longest stall, in milliseconds.</summary>
    public Samples LongestStalls()
    {
        var samples = new Samples();
        foreach (var stall in _longestStall)
        {
            samples.Add(TimeSpan.FromMilliseconds(stall));
        }

        return samples;
    }

    /// <summary>How long after <paramref name="timestamp"/> the conversation saw its next reply, or null if it saw none.</summary>
    public TimeSpan? NextReplyAfter(int chat, long timestamp) =>
        _replies[chat].Where(t => t > timestamp).Select(t => (long?)t).Min() is { } next ? Stopwatch.GetElapsedTime(timestamp, next) : null;

    private async Task LoopAsync(int index)
    {
        var chat = chats[index];
        while (!_stopping)
        {
            var turn = chat.Track(MessageId.New());
            var message = new SendMessage(turn.Id, MessageText.Make(turn.Id, characters));
            if (!await SendAsync(chat, message))
            {
                Interlocked.Increment(ref _unanswered);
                continue;
            }

            Accepted.Add(turn.Id);
            if (await ReplySeenAsync(chat, turn))
            {
                _replies[index].Enqueue(Stopwatch.GetTimestamp());
                _longestStall[index] = Math.Max(_longestStall[index], Stopwatch.GetElapsedTime(turn.SentAt).TotalMilliseconds);
            }
            else
            {
                Interlocked.Increment(ref _unanswered);
            }

            chat.Forget(turn);
            await Task.Delay(pause);
        }
    }

    private async Task<bool> SendAsync(ChatProbe chat, SendMessage message)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Deadline.TotalSeconds * Stopwatch.Frequency);
        for (var attempt = 0; Stopwatch.GetTimestamp() < deadline; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref _retriedSends);
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }

            // A send left with a silo that died is never answered, so each try stops waiting after the page's patience
            // (PatientChange, which gives up on the first try only); the message id makes trying again harmless.
            using var patience = new CancellationTokenSource(SendPatience);
            try
            {
                var result = await chat.Grain.SendAsync(chat.Owner, message, patience.Token);
                if (result.Outcome is ChangeOutcome.Accepted or ChangeOutcome.Duplicate)
                {
                    return true;
                }

                if (result.Outcome != ChangeOutcome.Unavailable)
                {
                    throw new InvalidOperationException($"The send was refused: {result.Outcome} {result.Error}");
                }
            }
            // A directory lookup the dead silo owned is cancelled when the membership changes, not only by our patience.
            catch (Exception exception) when (ClusterFault.IsTransient(exception))
            {
                // The silo holding the conversation went away: the next attempt reaches its new activation.
                if (exception is TimeoutException || patience.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _timedOutCalls);
                }
            }
        }

        return false;
    }

    private async Task<bool> ReplySeenAsync(ChatProbe chat, Turn turn)
    {
        if (await Task.WhenAny(turn.Completed, Task.Delay(EventWait)) == turn.Completed)
        {
            return true;
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(Deadline.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (turn.Completed.IsCompleted)
            {
                return true;
            }

            try
            {
                var snapshot = await chat.Grain.GetSnapshotAsync(chat.Owner);
                if (snapshot?.Messages.Any(m => m.ReplyTo == turn.Id && m.Status == ReplyStatus.Complete) == true)
                {
                    Interlocked.Increment(ref _fromSnapshot);
                    return true;
                }
            }
            catch (Exception exception) when (ClusterFault.IsTransient(exception))
            {
                // Still moving; read again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return false;
    }
}
