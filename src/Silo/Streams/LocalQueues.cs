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
    private volatile Deal _deal = new(new Dictionary<QueueId, SiloAddress>(), []);

    public IReadOnlyCollection<QueueId> Mine => _deal.Mine;

    /// <summary>The provider's own mapper, handed over before any queue is dealt.</summary>
    public void UseMapper(IStreamQueueMapper mapper) => _mapper = mapper;

    /// <summary>
    /// Deals the queues to the active silos (<see cref="EvenQueueSplit"/>), once per change of the membership; this
    /// silo (<paramref name="here"/>) reads none while it is not among them.
    /// </summary>
    public void Set(SiloAddress here, IReadOnlyCollection<SiloAddress> activeSilos, IReadOnlyCollection<QueueId> queues)
    {
        var readers = EvenQueueSplit.Deal(activeSilos, queues);

        // With more silos than queues, grains placed by their queue would leave the silos that read none idle.
        _deal = new(activeSilos.Count <= queues.Count ? readers : new Dictionary<QueueId, SiloAddress>(),
            [.. EvenQueueSplit.QueuesOf(here, readers)]);
    }

    /// <summary>Whether this silo reads the queue of a stream; false while it reads none (not active yet, leaving).</summary>
    public bool Reads(StreamId stream) => _deal.Mine is { Count: > 0 } mine && _mapper is { } mapper && mine.Contains(mapper.GetQueueForStream(stream));

    /// <summary>
    /// The silo that reads the queue of a stream, as dealt; null before the first deal, and while there are more silos
    /// than queues.
    /// </summary>
    public SiloAddress? ReaderOf(StreamId stream) =>
        _mapper is { } mapper && _deal.Readers.TryGetValue(mapper.GetQueueForStream(stream), out var reader) ? reader : null;

    /// <param name="Readers">Each queue's reader, for placing by queue; empty when grains are not placed so.</param>
    /// <param name="Mine">The queues this silo reads.</param>
    private sealed record Deal(IReadOnlyDictionary<QueueId, SiloAddress> Readers, HashSet<QueueId> Mine);
}
