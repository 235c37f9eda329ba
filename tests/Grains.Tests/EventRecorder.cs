using System.Collections.Concurrent;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using Orleans.Streams;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>Subscribes to a conversation's stream as the web tier does and records what arrives.</summary>
internal sealed class EventRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<ConversationEvent> _events = new();
    private StreamSubscriptionHandle<ConversationEvent>? _handle;

    public static async Task<EventRecorder> SubscribeAsync(IClusterClient client, ConversationId id)
    {
        var recorder = new EventRecorder();
        var stream = client.GetStreamProvider(ConversationStreams.ProviderName)
            .GetStream<ConversationEvent>(StreamId.Create(ConversationStreams.Namespace, id.Value));
        recorder._handle = await stream.SubscribeAsync((e, _) =>
        {
            recorder._events.Enqueue(e);
            return Task.CompletedTask;
        });
        return recorder;
    }

    public Task<List<ConversationEvent>> WaitForDurableAsync(int count) =>
        Poll.UntilAsync(
            () => Task.FromResult(_events.ToList()),
            events => events.Count(e => e is not ReplyDelta) >= count,
            TimeSpan.FromSeconds(30),
            $"{count} durable events");

    public async ValueTask DisposeAsync()
    {
        if (_handle is not null)
        {
            await _handle.UnsubscribeAsync();
        }
    }
}
