namespace ChatbotOrleans.Browser.Tests.Faults;

/// <summary>The fault tests share one app they break and mend in turn, so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultAppFixture>
{
    public const string Name = "faults";
}
