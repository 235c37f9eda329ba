using Orleans.Streams;

namespace ChatbotOrleans.Silo.Streams;

/// <summary>
/// How the balancer last dealt a stream provider's queues: which this silo reads, and which silo reads the queue of
/// any stream (Orleans' queue mapper picks a stream's queue from its id, and never changes it; every silo deals alike).
/// </summary>
/// <remarks>Thread-safe: the balancer hands over the mapper once, then replaces the deal whole; readers take it at once.</remarks>
internal sealed class LocalQueues
{
    private volatile IStreamQueueMapper? _mapper;
    private volatile Deal _deal = new([], [], []);

    public IReadOnlyCollection<QueueId> Mine => _deal.Mine;

    /// <summary>The provider's own mapper, handed over before any queue is dealt.</summary>
    public void UseMapper(IStreamQueueMapper mapper) => _mapper = mapper;

    /// <summary>The queues dealt to the active silos, this silo's among them.</summary>
    public void Set(IReadOnlyCollection<SiloAddress> activeSilos, IReadOnlyList<QueueId> queues, IEnumerable<QueueId> mine) =>
        _deal = new([.. activeSilos], [.. queues], [.. mine]);

    /// <summary>Whether this silo reads the queue of a stream; false while it reads none (not active yet, leaving).</summary>
    public bool Reads(StreamId stream) => _deal.Mine is { Count: > 0 } mine && _mapper is { } mapper && mine.Contains(mapper.GetQueueForStream(stream));

    /// <summary>
    /// The silo that reads the queue of a stream, as dealt; null before the first deal, and while there are more silos
    /// than queues: grains placed by their queue would then leave the silos that read none idle.
    /// </summary>
    public SiloAddress? ReaderOf(StreamId stream)
    {
        var deal = _deal;
        return _mapper is { } mapper && deal.Silos.Count <= deal.Queues.Count
            ? EvenQueueSplit.ReaderOf(mapper.GetQueueForStream(stream), deal.Silos, deal.Queues)
            : null;
    }

    private sealed record Deal(List<SiloAddress> Silos, List<QueueId> Queues, HashSet<QueueId> Mine);
}
