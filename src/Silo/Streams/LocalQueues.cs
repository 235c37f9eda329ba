using Orleans.Streams;

namespace ChatbotOrleans.Silo.Streams;

/// <summary>
/// The stream queues this silo reads, as its balancer last dealt them, and whether a stream's events go through one
/// of them (Orleans' queue mapper picks a stream's queue from its id, and never changes it).
/// </summary>
/// <remarks>Thread-safe: the balancer hands over the mapper once, then replaces the queues whole; readers take them at once.</remarks>
internal sealed class LocalQueues
{
    private volatile IStreamQueueMapper? _mapper;
    private volatile HashSet<QueueId> _mine = [];

    public IReadOnlyCollection<QueueId> Mine => _mine;

    /// <summary>The provider's own mapper, handed over before any queue is dealt.</summary>
    public void UseMapper(IStreamQueueMapper mapper) => _mapper = mapper;

    public void Set(IEnumerable<QueueId> mine) => _mine = [.. mine];

    /// <summary>Whether this silo reads the queue of a stream; false while it reads none (not active yet, leaving).</summary>
    public bool Reads(StreamId stream) => _mine is { Count: > 0 } mine && _mapper is { } mapper && mine.Contains(mapper.GetQueueForStream(stream));
}
