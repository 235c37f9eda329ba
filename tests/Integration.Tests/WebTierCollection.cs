namespace ChatbotOrleans.Integration.Tests;

/// <summary>One silo and frontend for the tests that only knock at the web tier's doors.</summary>
[CollectionDefinition(Name)]
public sealed class WebTierCollection : ICollectionFixture<WebTierFixture>
{
    public const string Name = "web tier";
}
