using ChatbotOrleans.Grains.Abstractions;
using Orleans.Streams;

namespace ChatbotOrleans.Frontend.Tests.Chat.Fakes;

/// <summary>The cluster's stream provider: keeps who subscribed to which stream, and delivers what a test publishes.</summary>
internal sealed class FakeStreams : IStreamProvider
{
    private readonly Lock _lock = new();
    private readonly List<(StreamId Stream, object Observer)> _subscribers = [];

    public string Name => ConversationStreams.ProviderName;

    public bool IsRewindable => false;

    /// <summary>How many subscriptions were ever made, ended or not.</summary>
    public int Subscriptions { get; private set; }

    public IAsyncStream<T> GetStream<T>(StreamId streamId) => FakeStream<T>.Create(this, streamId);

    /// <summary>How many subscriptions to <paramref name="stream"/> are still open.</summary>
    public int Subscribers(StreamId stream)
    {
        lock (_lock)
        {
            return _subscribers.Count(s => s.Stream == stream);
        }
    }

    public async Task PublishAsync<T>(StreamId stream, T item)
    {
        foreach (var observer in Observers<T>(stream))
        {
            await observer.OnNextAsync(item);
        }
    }

    internal StreamSubscriptionHandle<T> Subscribe<T>(StreamId stream, IAsyncObserver<T> observer)
    {
        lock (_lock)
        {
            Subscriptions++;
            _subscribers.Add((stream, observer));
        }

        return new FakeSubscription<T>(stream, Name, () => Unsubscribe(stream, observer));
    }

    private void Unsubscribe(StreamId stream, object observer)
    {
        lock (_lock)
        {
            _subscribers.Remove((stream, observer));
        }
    }

    private List<IAsyncObserver<T>> Observers<T>(StreamId stream)
    {
        lock (_lock)
        {
            return [.. _subscribers.Where(s => s.Stream == stream).Select(s => s.Observer).OfType<IAsyncObserver<T>>()];
        }
    }
}
