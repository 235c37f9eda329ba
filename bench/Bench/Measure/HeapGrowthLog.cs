namespace ChatbotOrleans.Bench.Measure;

/// <summary>
/// Writes to the bench's log how the frontend's live heap grew per page: all types together, the largest types, and the
/// growth by namespace (the first three parts of a type's name), so that a page's cost can be told apart from the
/// framework's (Blazor, Kestrel, SignalR, System.Text.Json) and the app's.
/// </summary>
public static class HeapGrowthLog
{
    public static void Write(BenchContext context, string what, ManagedHeapReading before, ManagedHeapReading after, int pages, int types = 40)
    {
        var growth = after.GrowthSince(before).ToList();
        context.Log($"frontend managed heap growth per {what} by type (shallow sizes; all types: {growth.Sum(t => t.Bytes) / 1024.0 / pages:0.0} KiB):");
        foreach (var (name, bytes, count) in growth.Take(types))
        {
            context.Log($"  {bytes / 1024.0 / pages,6:0.0} KiB {count / (double)pages,6:0.0} objects  {name}");
        }

        context.Log($"the same by namespace:");
        foreach (var (space, bytes) in growth.GroupBy(t => NamespaceOf(t.Name)).Select(g => (g.Key, g.Sum(t => t.Bytes))).OrderByDescending(g => g.Item2).Take(25))
        {
            context.Log($"  {bytes / 1024.0 / pages,6:0.0} KiB  {space}");
        }
    }

    // Generic arguments are left out; a nested type's name comes without its namespace, so it is grouped with arrays
    // of such types as "(nested or array of nested)".
    private static string NamespaceOf(string type)
    {
        var name = type.Split('[', '`')[0];
        var parts = name.Split('.');
        return parts.Length < 2 ? "(nested or array of nested)" : string.Join('.', parts.Take(Math.Min(3, parts.Length - 1)));
    }
}
