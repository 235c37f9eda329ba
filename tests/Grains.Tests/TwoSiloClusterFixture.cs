using ChatbotOrleans.Silo.Hosting;
using ChatbotOrleans.TestSupport;

namespace ChatbotOrleans.Grains.Tests;

/// <summary>A cluster of two silos that place grains as the app's do: where grains start, and which silo reads which stream queue.</summary>
public sealed class TwoSiloClusterFixture(PostgresServerFixture postgres) : ClusterFixture(postgres)
{
    protected override short SiloCount => 2;

    protected override void ConfigureSilo(ISiloBuilder silo) => silo.UsePlacementInTurn();
}
