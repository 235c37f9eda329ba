using System.Collections.Concurrent;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using ChatbotOrleans.Grains.Usage;

namespace ChatbotOrleans.Domain.Tests.Conversations.Replies;

/// <summary>Records what a <see cref="ReplyWriter"/> stores, publishes and registers.</summary>
internal sealed class FakeReplyHost : IReplyHost
{
    private readonly TaskCompletionSource<ChatMessage> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstDelta = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _storeTried = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConversationId Id { get; } = new(Guid.NewGuid());

    public ConcurrentQueue<ConversationEvent> Published { get; } = new();

    public ConcurrentQueue<ChatMessage> Stored { get; } = new();

    public ConcurrentQueue<UsageRecord> Usage { get; } = new();

    public Exception? StoreFailure { get; set; }

    public int GuardRegistrations { get; private set; }

    public int GuardRemovals { get; private set; }

    /// <summary>The first reply that ended with a published ReplyCompleted or ReplyFailed.</summary>
    public Task<ChatMessage> Ended => _ended.Task;

    public Task FirstDelta => _firstDelta.Task;

    public Task StoreTried => _storeTried.Task;

    public Task StoreAsync(ChatMessage reply)
    {
        _storeTried.TrySetResult();
        if (StoreFailure is { } failure)
        {
            return Task.FromException(failure);
        }

        Stored.Enqueue(reply);
        return Task.CompletedTask;
    }

    public Task PublishAsync(ConversationEvent conversationEvent)
    {
        Published.Enqueue(conversationEvent);
        switch (conversationEvent)
        {
            case ReplyDelta:
                _firstDelta.TrySetResult();
                break;
            case ReplyCompleted completed:
                _ended.TrySetResult(completed.Message);
                break;
            case ReplyFailed failed:
                _ended.TrySetResult(failed.Message);
                break;
        }

        return Task.CompletedTask;
    }

    public Task RecordUsageAsync(UsageRecord usage)
    {
        Usage.Enqueue(usage);
        return Task.CompletedTask;
    }

    public Task RegisterGuardAsync()
    {
        GuardRegistrations++;
        return Task.CompletedTask;
    }

    public Task UnregisterGuardAsync()
    {
        GuardRemovals++;
        return Task.CompletedTask;
    }
}
