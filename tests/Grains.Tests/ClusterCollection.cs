namespace ChatbotOrleans.Grains.Tests;

/// <summary>One cluster for all grain tests: starting a silo on PostgreSQL costs seconds, and tests isolate by user.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
