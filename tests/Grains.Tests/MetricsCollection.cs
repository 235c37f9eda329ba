namespace ChatbotOrleans.Grains.Tests;

/// <summary>
/// A cluster for the metrics tests alone: its gauges count only what these tests do, so they are judged exactly
/// rather than by "at least one" on a cluster every other test uses.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MetricsCollection : ICollectionFixture<MetricsClusterFixture>
{
    public const string Name = "metrics";
}
