using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ChatbotOrleans.Deployment.Tests;

/// <summary>Every build restores exactly the packages the committed lock files name, and a bot proposes updates.</summary>
public sealed partial class LockedDependenciesTests
{
    public static TheoryData<string> SolutionProjects()
    {
        var projects = new TheoryData<string>();
        foreach (Match match in ProjectLine().Matches(RepositoryFiles.Read("ChatbotOrleans.sln")))
        {
            projects.Add(match.Groups["path"].Value.Replace('\\', '/'));
        }

        return projects;
    }

    [Fact]
    public void Restore_writes_and_reads_a_lock_file_for_every_project()
    {
        var properties = XDocument.Load(RepositoryFiles.PathOf("Directory.Build.props"));
        properties.Descendants("RestorePackagesWithLockFile").Single().Value.ShouldBe("true");
        properties.Descendants("ManagePackageVersionsCentrally").Single().Value.ShouldBe("true");
    }

    [Theory]
    [MemberData(nameof(SolutionProjects))]
    public void Each_project_has_its_lock_file_beside_it(string project)
    {
        var lockFile = Path.Combine(Path.GetDirectoryName(RepositoryFiles.PathOf(project))!, "packages.lock.json");
        File.Exists(lockFile).ShouldBeTrue($"{project} has no packages.lock.json; run: dotnet restore ChatbotOrleans.sln --force-evaluate");
        using var json = JsonDocument.Parse(File.ReadAllText(lockFile));
        json.RootElement.GetProperty("dependencies").EnumerateObject().ShouldNotBeEmpty();
    }

    [Fact]
    public void Test_script_restores_in_locked_mode()
    {
        var restore = RepositoryFiles.Read("test.sh").Split('\n')
            .Where(line => line.TrimStart().StartsWith("dotnet restore", StringComparison.Ordinal))
            .ToList();
        restore.ShouldNotBeEmpty();
        restore.ShouldAllBe(line => line.Contains("--locked-mode", StringComparison.Ordinal));
    }

    [Fact]
    public void Dependabot_updates_packages_images_and_actions()
    {
        var updates = YamlDocument.Load(".github/dependabot.yml").List("updates").OfType<IDictionary<object, object?>>().ToList();
        var ecosystems = updates.Select(u => u.Text("package-ecosystem")).ToList();
        ecosystems.ShouldContain("nuget");
        ecosystems.ShouldContain("docker");
        ecosystems.ShouldContain("github-actions");
        var docker = updates.Single(u => u.Text("package-ecosystem") == "docker").Text("directory")!.TrimStart('/');
        File.Exists(Path.Combine(RepositoryFiles.PathOf(docker), "Dockerfile")).ShouldBeTrue($"no Dockerfile in {docker}");
    }

    [GeneratedRegex(@"^Project\(""\{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC\}""\) = ""[^""]+"", ""(?<path>[^""]+\.csproj)""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}
