namespace ChatbotOrleans.DevLoop.Tests.Watch;

/// <summary>The project the watch-mode test runs in: a copy of this repository's files, which run.sh builds.</summary>
public sealed class WatchedProject : IDisposable
{
    private readonly RepositoryCopy _copy = new();

    public Task<WatchTarget> ReadyAsync() => Task.FromResult(new WatchTarget(_copy.Root, new Dictionary<string, string>()));

    public void Dispose() => _copy.Dispose();
}

[CollectionDefinition(WatchTarget.Collection)]
public sealed class WatchedProjectCollection : ICollectionFixture<WatchedProject>
{
}
