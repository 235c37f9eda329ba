using Orleans.Streams;

namespace ChatbotOrleans.Silo.Streams;

/// <summary>
/// The stream queues this silo reads, as its balancer last dealt them, and whether a stream's events go through one
/// of them (Orleans' queue mapper picks a stream's queue from its id, and never changes it).
/// </summary>
/// <remarks>Thread-safe: the balancer replaces the state whole; readers take it at once.</remarks>
internal sealed class LocalQueues
{
    private volatile State _state = new(null, []);

    public IReadOnlyCollection<QueueId> Mine => _state.Mine;

    public void Set(IStreamQueueMapper mapper, IEnumerable<QueueId> mine) => _state = new(mapper, [.. mine]);

    /// <summary>Whether this silo reads the queue of a stream; false while it reads none (not active yet, leaving).</summary>
    public bool Reads(StreamId stream) => _state is { Mapper: { } mapper, Mine.Count: > 0 } state && state.Mine.Contains(mapper.GetQueueForStream(stream));

    private sealed record State(IStreamQueueMapper? Mapper, HashSet<QueueId> Mine);
}
