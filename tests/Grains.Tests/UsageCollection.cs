namespace ChatbotOrleans.Grains.Tests;

[CollectionDefinition(Name)]
public sealed class UsageCollection : ICollectionFixture<UsageClusterFixture>
{
    public const string Name = "usage";
}
