using System.Diagnostics;
using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Bench.Chats;

/// <summary>One user message and the events it causes, timed from the moment it was sent.</summary>
public sealed class Turn(MessageId id)
{
    private readonly TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstToken = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ChatMessage> _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public MessageId Id { get; } = id;

    public long SentAt { get; } = Stopwatch.GetTimestamp();

    /// <summary>When the send call returned: the grain accepted the message and its row is stored.</summary>
    public long AcceptedAt { get; private set; }

    public long AddedAt { get; private set; }

    public long FirstTokenAt { get; private set; }

    public long CompletedAt { get; private set; }

    /// <summary>Reply deltas the subscriber received, and the characters they carried.</summary>
    public int Deltas { get; private set; }

    public int DeltaCharacters { get; private set; }

    public Task Added => _added.Task;

    public Task FirstToken => _firstToken.Task;

    public Task<ChatMessage> Completed => _completed.Task;

    public TimeSpan ToAccepted => Stopwatch.GetElapsedTime(SentAt, AcceptedAt);

    public TimeSpan ToAdded => Stopwatch.GetElapsedTime(SentAt, AddedAt);

    public TimeSpan ToFirstToken => Stopwatch.GetElapsedTime(SentAt, FirstTokenAt);

    public TimeSpan ToCompleted => Stopwatch.GetElapsedTime(SentAt, CompletedAt);

    internal void OnAccepted() => AcceptedAt = Stopwatch.GetTimestamp();

    // The subscription delivers one conversation's events one at a time, so no locking is needed here.
    internal void OnAdded()
    {
        AddedAt = Stopwatch.GetTimestamp();
        _added.TrySetResult();
    }

    internal void OnDelta(ReplyDelta delta)
    {
        if (Deltas == 0)
        {
            FirstTokenAt = Stopwatch.GetTimestamp();
            _firstToken.TrySetResult();
        }

        Deltas++;
        DeltaCharacters += delta.Text.Length;
    }

    internal void OnReply(ChatMessage reply)
    {
        CompletedAt = Stopwatch.GetTimestamp();
        _firstToken.TrySetResult();
        _completed.TrySetResult(reply);
    }
}
