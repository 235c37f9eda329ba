using ChatbotOrleans.TestSupport;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>The standard one-silo cluster, started once more for <see cref="MetricsCollection"/>.</summary>
public sealed class MetricsClusterFixture(PostgresServerFixture postgres) : ClusterFixture(postgres);
