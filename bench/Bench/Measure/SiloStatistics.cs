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

    private static string ShortName(string grainType)
    {
        // "ChatbotOrleans.Grains.Conversations.ConversationGrain,ChatbotOrleans.Grains" → "ConversationGrain"
        var type = grainType.Split(',')[0];
        var generic = type.IndexOf('`', StringComparison.Ordinal);
        return type[(type.LastIndexOf('.', generic < 0 ? type.Length - 1 : generic) + 1)..];
    }
}
