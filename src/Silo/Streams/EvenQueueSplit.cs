namespace ChatbotOrleans.Silo.Streams;

/// <summary>
/// Which stream queues a silo reads: the queues in order, dealt to the active silos in order like cards, so the
/// counts differ by at most one. Every silo computes the same split from the same membership, with no lease to
/// hold; while two silos' views of the membership differ, a queue may be read by two of them or by none for that
/// moment, as with Orleans' own hash ring.
/// </summary>
internal static class EvenQueueSplit
{
    /// <summary>Each queue with the silo that reads it; empty while no silo is active.</summary>
    public static IReadOnlyDictionary<TQueue, TSilo> Deal<TSilo, TQueue>(IReadOnlyCollection<TSilo> activeSilos, IEnumerable<TQueue> queues)
        where TSilo : IComparable<TSilo>
        where TQueue : notnull, IComparable<TQueue>
    {
        var silos = activeSilos.Order().ToList();
        return silos.Count == 0
            ? new Dictionary<TQueue, TSilo>()
            : queues.Order().Select((queue, position) => (queue, silos[position % silos.Count])).ToDictionary();
    }

    /// <summary>The queues a silo reads; none while it is not active yet, or leaving: an active silo reads them.</summary>
    public static IReadOnlyList<TQueue> QueuesOf<TSilo, TQueue>(TSilo silo, IReadOnlyCollection<TSilo> activeSilos, IEnumerable<TQueue> queues)
        where TSilo : IComparable<TSilo>
        where TQueue : notnull, IComparable<TQueue> => QueuesOf(silo, Deal(activeSilos, queues));

    /// <summary>The queues a silo reads in a <see cref="Deal"/> already made.</summary>
    public static IReadOnlyList<TQueue> QueuesOf<TSilo, TQueue>(TSilo silo, IReadOnlyDictionary<TQueue, TSilo> deal)
        where TQueue : IComparable<TQueue> =>
        [.. deal.Where(dealt => EqualityComparer<TSilo>.Default.Equals(dealt.Value, silo)).Select(dealt => dealt.Key).Order()];
}
