namespace ChatbotOrleans.Grains.Tests;

[CollectionDefinition(Name)]
public sealed class StreamGapCollection : ICollectionFixture<StreamGapClusterFixture>
{
    public const string Name = "stream-gap";
}
