namespace ChatbotOrleans.Silo.Streams;

/// <summary>
/// Which stream queues a silo reads: the queues in order, dealt to the active silos in order like cards, so the
/// counts differ by at most one. Every silo computes the same split from the same membership, with no lease to
/// hold; while two silos' views of the membership differ, a queue may be read by two of them or by none for that
/// moment, as with Orleans' own hash ring.
/// </summary>
internal static class EvenQueueSplit
{
    public static IReadOnlyList<TQueue> QueuesOf<TSilo, TQueue>(TSilo silo, IReadOnlyCollection<TSilo> activeSilos, IEnumerable<TQueue> queues)
        where TSilo : IComparable<TSilo>
        where TQueue : IComparable<TQueue>
    {
        var silos = activeSilos.Order().ToList();
        var index = silos.IndexOf(silo);
        if (index < 0)
        {
            // Not active yet, or leaving: an active silo reads its queues.
            return [];
        }

        return [.. queues.Order().Where((_, position) => position % silos.Count == index)];
    }

    /// <summary>The silo that reads a queue in the same split; none while no silo is active or the queue is unknown.</summary>
    public static TSilo? ReaderOf<TSilo, TQueue>(TQueue queue, IReadOnlyCollection<TSilo> activeSilos, IEnumerable<TQueue> queues)
        where TSilo : class, IComparable<TSilo>
        where TQueue : IComparable<TQueue>
    {
        var position = queues.Order().ToList().IndexOf(queue);
        return position < 0 || activeSilos.Count == 0 ? null : activeSilos.Order().ElementAt(position % activeSilos.Count);
    }
}
