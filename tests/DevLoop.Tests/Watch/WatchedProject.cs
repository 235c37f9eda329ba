using ChatbotOrleans.DevLoop.Tests.Template;

namespace ChatbotOrleans.DevLoop.Tests.Watch;

/// <summary>
/// The project the watch-mode test runs in. In the template's own repository it is one made from the template
/// without deployment and built whole, which the template tests check too, so the suite builds it once. A project
/// made from the template gets another version of this file (.template.config/origin): a copy of its own files.
/// </summary>
public sealed class WatchedProject : IAsyncLifetime
{
    private Task<BuiltProject>? _built;

    public TemplateInstallation Template { get; } = new();

    /// <summary>
    /// "Acme.Ship", made without deployment and built whole (warnings as errors, from the locked packages), once:
    /// the first test to ask pays for the build. The tests of one collection run one at a time.
    /// </summary>
    public Task<BuiltProject> BuiltAsync() => _built ??= BuildAsync();

    public async Task<WatchTarget> ReadyAsync()
    {
        var (folder, build) = await BuiltAsync();
        build.ShouldSucceed();
        return new WatchTarget(folder, Template.Variables);
    }

    public ValueTask InitializeAsync() => Template.InitializeAsync();

    public ValueTask DisposeAsync() => Template.DisposeAsync();

    // Restored in locked mode, as ./test.sh restores. The analyzers are left out: the same sources pass them in this
    // repository's build, and they would be much of this one's time.
    private async Task<BuiltProject> BuildAsync()
    {
        var project = await Template.GenerateAsync("Acme.Ship", "--no-deploy");
        var build = await Template.DotnetAsync(project, TimeSpan.FromMinutes(30), "build", "Acme.Ship.sln", "--disable-build-servers", "--nologo", "-clp:ErrorsOnly", "-p:RestoreLockedMode=true", "-p:RunAnalyzers=false");
        return new BuiltProject(project, build);
    }
}

/// <summary>A project made from the template, and how its whole build went.</summary>
public sealed record BuiltProject(string Folder, CommandResult Build);

[CollectionDefinition(WatchTarget.Collection)]
public sealed class WatchedProjectCollection : ICollectionFixture<WatchedProject>
{
}
