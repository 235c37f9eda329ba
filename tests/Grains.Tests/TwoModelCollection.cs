namespace ChatbotOrleans.Grains.Tests;

[CollectionDefinition(Name)]
public sealed class TwoModelCollection : ICollectionFixture<TwoModelClusterFixture>
{
    public const string Name = "two-models";
}
