using Orleans.Streams;

namespace ChatbotOrleans.Frontend.Tests.Chat.Fakes;

/// <summary>A subscription to a <see cref="FakeStreams"/> stream; unsubscribing ends it.</summary>
internal sealed class FakeSubscription<T>(StreamId stream, string provider, Action unsubscribe) : StreamSubscriptionHandle<T>
{
    public override StreamId StreamId => stream;

    public override string ProviderName => provider;

    public override Guid HandleId { get; } = Guid.NewGuid();

    public override Task UnsubscribeAsync()
    {
        unsubscribe();
        return Task.CompletedTask;
    }

    public override Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncObserver<T> observer, StreamSequenceToken? token = null) => throw new NotSupportedException();

    public override Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncBatchObserver<T> observer, StreamSequenceToken? token = null) => throw new NotSupportedException();

    public override bool Equals(StreamSubscriptionHandle<T>? other) => ReferenceEquals(this, other);
}
