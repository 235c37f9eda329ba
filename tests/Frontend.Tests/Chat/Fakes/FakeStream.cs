using System.Reflection;
using Orleans.Streams;

namespace ChatbotOrleans.Frontend.Tests.Chat.Fakes;

/// <summary>One stream of <see cref="FakeStreams"/>: of all a stream does, a page only subscribes.</summary>
public class FakeStream<T> : DispatchProxy
{
    private FakeStreams _streams = null!;
    private StreamId _id;

    internal static IAsyncStream<T> Create(FakeStreams streams, StreamId id)
    {
        var stream = Create<IAsyncStream<T>, FakeStream<T>>();
        var proxy = (FakeStream<T>)(object)stream;
        proxy._streams = streams;
        proxy._id = id;
        return stream;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod?.Name == nameof(IAsyncStream<T>.SubscribeAsync) && args?[0] is IAsyncObserver<T> observer
            ? Task.FromResult(_streams.Subscribe(_id, observer))
            : throw new NotSupportedException(targetMethod?.Name);
}
