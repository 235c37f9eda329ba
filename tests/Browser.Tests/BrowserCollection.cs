namespace ChatbotOrleans.Browser.Tests;

/// <summary>One app and one browser for all browser tests; each test signs in as a new user.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "browser";
}
