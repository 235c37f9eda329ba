namespace ChatbotOrleans.Bench.Measure;

/// <summary>A process's managed heap right after a full collection.</summary>
/// <param name="HeapBytes">Every generation's live size after the collection, large and pinned object heaps included.</param>
/// <param name="Types">The live objects by type name, from the runtime's heap dump of that collection.</param>
/// <param name="CommittedBytes">The memory the GC had committed after that collection (in use, kept free, bookkeeping), when the runtime reported it.</param>
public sealed record ManagedHeapReading(long HeapBytes, IReadOnlyDictionary<string, TypeTotal> Types, long? CommittedBytes)
{
    /// <summary>The types whose live objects grew most since <paramref name="before"/>, largest growth first.</summary>
    public IEnumerable<(string Name, long Bytes, long Count)> GrowthSince(ManagedHeapReading before) =>
        Types
            .Select(t => (Name: t.Key, Bytes: t.Value.Bytes - before.Types.GetValueOrDefault(t.Key).Bytes, Count: t.Value.Count - before.Types.GetValueOrDefault(t.Key).Count))
            .OrderByDescending(t => t.Bytes);
}
