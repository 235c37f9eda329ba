namespace ChatbotOrleans.Bench.Measure;

/// <summary>What the silo itself reports through Orleans' management grain.</summary>
public static class SiloStatistics
{
    public static async Task<Dictionary<string, int>> ActivationsByTypeAsync(IClusterClient cluster)
    {
        var statistics = await cluster.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.GroupBy(s => ShortName(s.GrainType)).ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount), StringComparer.Ordinal);
    }

    /// <summary>Activations that appeared between two counts, most first.</summary>
    public static List<(string Type, int Added)> Added(Dictionary<string, int> before, Dictionary<string, int> after) =>
        [.. after.Select(a => (Type: a.Key, Added: a.Value - before.GetValueOrDefault(a.Key))).Where(a => a.Added != 0).OrderByDescending(a => a.Added)];

    /// <summary>
    /// The managed memory the silo reports (Orleans' environment statistics, sampled by the silo every
    /// second or so). Read a few seconds after a full GC, it is what the process keeps alive.
    /// </summary>
    public static async Task<long> ManagedMemoryAsync(IClusterClient cluster)
    {
        var management = cluster.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        var statistics = await management.GetRuntimeStatistics([.. hosts.Keys]);
        return statistics.Sum(s => s.EnvironmentStatistics.RawMemoryUsageBytes);
    }

    private static string ShortName(string grainType)
    {
        // "ChatbotOrleans.Grains.Conversations.ConversationGrain,ChatbotOrleans.Grains" → "ConversationGrain"
        var type = grainType.Split(',')[0];
        var generic = type.IndexOf('`', StringComparison.Ordinal);
        return type[(type.LastIndexOf('.', generic < 0 ? type.Length - 1 : generic) + 1)..];
    }
}
