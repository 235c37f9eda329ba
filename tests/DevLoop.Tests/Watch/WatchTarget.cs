namespace ChatbotOrleans.DevLoop.Tests.Watch;

/// <summary>A project folder ready for `./run.sh --watch`, and the environment variables its first build ran with.</summary>
public sealed record WatchTarget(string Folder, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The tests that share the watched project, which they take in turn.</summary>
    public const string Collection = "watched project";
}
