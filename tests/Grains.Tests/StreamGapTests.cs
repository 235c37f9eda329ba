using System.Collections.Concurrent;
using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.TestSupport;
using Orleans.Streams;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// What the chat page can and cannot learn from Orleans' memory streams about an event that never reached it. A
/// delivery given up is reported through the subscription's error callback (the page then reads what it shows again,
/// ChatClient); an event that left the queue cache while the subscriber was behind is lost without a word, which is
/// why the silo keeps events for <c>StreamHostingExtensions.StreamCacheTime</c> and the page has its own safety nets.
/// </summary>
[Collection(StreamGapCollection.Name)]
public sealed class StreamGapTests(StreamGapClusterFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_given_up_and_the_subscriber_told_then_the_next_event_arrives()
    {
        var (id, stream) = NewStream();
        var received = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<Exception>();
        var handle = await stream.SubscribeAsync(
            (e, _) =>
            {
                var title = ((ConversationRenamed)e).Title;
                return title == "refused" ? throw new InvalidOperationException("the page could not take it") : Record(received, title);
            },
            exception => Record(errors, exception));

        await stream.OnNextAsync(new ConversationRenamed(id, "refused"));
        var told = await Poll.UntilAsync(() => Task.FromResult(errors.ToArray()), e => e.Length > 0, TimeSpan.FromSeconds(30), "the error callback");
        await stream.OnNextAsync(new ConversationRenamed(id, "next"));
        await Poll.UntilAsync(() => Task.FromResult(received.Count), count => count == 1, TimeSpan.FromSeconds(20), "the next event");
        await handle.UnsubscribeAsync();

        received.ShouldBe(["next"]);
        told.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_subscriber_that_falls_behind_the_queue_cache_loses_the_event_without_a_word()
    {
        var (watchedId, watched) = NewStream();
        var (busyId, busy) = NewStream();
        var received = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<Exception>();
        var firstHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handle = await watched.SubscribeAsync(
            async (e, _) =>
            {
                received.Enqueue(((ConversationRenamed)e).Title);
                if (received.Count == 1)
                {
                    await firstHandled.Task; // a page busy with the first event, as a loaded machine makes it
                }
            },
            exception => Record(errors, exception));

        await watched.OnNextAsync(new ConversationRenamed(watchedId, "first"));
        await Poll.UntilAsync(() => Task.FromResult(received.Count), count => count == 1, TimeSpan.FromSeconds(20), "the first event");
        await watched.OnNextAsync(new ConversationRenamed(watchedId, "second"));

        // Other conversations' events in the same queue age "second" out of the cache while the subscriber is busy.
        var until = DateTime.UtcNow + (StreamGapClusterFixture.CacheTime * 4);
        while (DateTime.UtcNow < until)
        {
            await busy.OnNextAsync(new ConversationRenamed(busyId, "noise"));
            await Task.Delay(50, Token);
        }

        firstHandled.SetResult();

        // Without the noise (tried) "second" arrives once the subscriber is free; with it, nothing comes, not even an error.
        var after = await Poll.StaysTrueForAsync(() => received.ToArray(), r => r.Length == 1, "no second event", TimeSpan.FromSeconds(10));
        await handle.UnsubscribeAsync();

        after.ShouldBe(["first"]);
        errors.ShouldBeEmpty();
    }

    private (ConversationId Id, IAsyncStream<ConversationEvent> Stream) NewStream()
    {
        var id = ConversationId.New();
        return (id, fixture.Client.GetStreamProvider(ConversationStreams.ProviderName)
            .GetStream<ConversationEvent>(StreamId.Create(ConversationStreams.Namespace, id.Value)));
    }

    private static Task Record<T>(ConcurrentQueue<T> queue, T item)
    {
        queue.Enqueue(item);
        return Task.CompletedTask;
    }
}
