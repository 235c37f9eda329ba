using ChatbotOrleans.TestSupport;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>A cluster of two silos: where grains start, and which silo reads which stream queue.</summary>
public sealed class TwoSiloClusterFixture(PostgresServerFixture postgres) : ClusterFixture(postgres)
{
    protected override short SiloCount => 2;
}
