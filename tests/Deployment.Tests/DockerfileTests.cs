using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ChatbotOrleans.Deployment.Tests;

public sealed partial class DockerfileTests
{
    public const string DockerfilePath = "deploy/docker/Dockerfile";

    private readonly Dockerfile _dockerfile = Dockerfile.Parse(RepositoryFiles.Read(DockerfilePath));

    [Fact]
    public void Is_multi_stage_with_a_small_runtime_base()
    {
        _dockerfile.Stages.Count.ShouldBeGreaterThanOrEqualTo(3);
        _dockerfile.Stages[0].From.ShouldStartWith("mcr.microsoft.com/dotnet/sdk:");
        _dockerfile.StageNamed("runtime").From.ShouldStartWith("mcr.microsoft.com/dotnet/aspnet:");
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("frontend")]
    public void Each_image_runs_as_non_root_with_a_healthcheck(string target)
    {
        var stage = _dockerfile.StageNamed(target);
        var user = _dockerfile.Inherited(target, "USER");
        user.ShouldNotBeNull();
        user.ShouldNotBeOneOf("root", "0");
        _dockerfile.Inherited(target, "HEALTHCHECK").ShouldNotBeNull().ShouldContain("/health/");
        stage.Instructions.ShouldContain(i => i.Keyword == "COPY" && i.Arguments.Contains("--from=publish-" + target, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("silo", "src/Silo/Silo.csproj")]
    [InlineData("frontend", "src/Frontend/Frontend.csproj")]
    public void Entry_point_names_the_assembly_the_project_builds(string target, string project)
    {
        _dockerfile.StageNamed("publish-" + target).Instructions
            .ShouldContain(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish " + project + " -c Release", StringComparison.Ordinal));

        var expected = AssemblyNameOf(project) + ".dll";
        var entryPoint = JsonSerializer.Deserialize<string[]>(_dockerfile.Inherited(target, "ENTRYPOINT")!)!;
        entryPoint.ShouldBe(["dotnet", expected]);
        File.Exists(Path.Combine(AppContext.BaseDirectory, expected)).ShouldBeTrue($"{expected} is not in the build output");
    }

    [Fact]
    public void Restore_layer_holds_only_the_project_files_and_covers_every_referenced_project()
    {
        var restore = _dockerfile.StageNamed("restore").Instructions;
        var copied = restore.Where(i => i.Keyword == "COPY").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        copied.ShouldContain("global.json");
        copied.ShouldContain("Directory.Build.props");
        copied.ShouldContain("Directory.Packages.props");
        foreach (var project in ProjectClosure("src/Silo/Silo.csproj").Concat(ProjectClosure("src/Frontend/Frontend.csproj")))
        {
            copied.ShouldContain(project, "the restore layer misses a project");
            copied.ShouldContain(Path.GetDirectoryName(project)!.Replace('\\', '/') + "/packages.lock.json", "the restore layer misses a lock file");
        }

        restore.ShouldNotContain(i => i.Keyword == "COPY" && i.Arguments.StartsWith("src/ ", StringComparison.Ordinal));
        restore[^1].Keyword.ShouldBe("RUN");
        restore[^1].Arguments.ShouldContain("dotnet restore");
    }

    [Fact]
    public void Every_restore_in_the_image_is_locked()
    {
        var restores = _dockerfile.Stages.SelectMany(s => s.Instructions)
            .Where(i => i.Keyword == "RUN")
            .SelectMany(i => i.Arguments.Split("&&", StringSplitOptions.TrimEntries))
            .Where(command => command.Contains("dotnet restore", StringComparison.Ordinal))
            .ToList();
        restores.Count.ShouldBeGreaterThanOrEqualTo(2);
        restores.ShouldAllBe(command => command.Contains("--locked-mode", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_context_leaves_out_build_outputs_and_git()
    {
        var ignored = RepositoryFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToList();
        ignored.ShouldContain("**/bin/");
        ignored.ShouldContain("**/obj/");
        ignored.ShouldContain(".git/");
    }

    /// <summary>The assembly name MSBuild gives a project: its own AssemblyName, else Directory.Build.props'.</summary>
    private static string AssemblyNameOf(string project)
    {
        var own = XDocument.Load(RepositoryFiles.PathOf(project)).Descendants("AssemblyName").FirstOrDefault()?.Value;
        var pattern = own ?? XDocument.Load(RepositoryFiles.PathOf("Directory.Build.props")).Descendants("AssemblyName").Single().Value;
        return pattern.Replace("$(MSBuildProjectName)", Path.GetFileNameWithoutExtension(project), StringComparison.Ordinal);
    }

    private static IEnumerable<string> ProjectClosure(string project)
    {
        yield return project;
        var directory = Path.GetDirectoryName(project)!;
        foreach (var reference in XDocument.Load(RepositoryFiles.PathOf(project)).Descendants("ProjectReference"))
        {
            var path = Path.GetRelativePath(RepositoryFiles.Root, Path.GetFullPath(Path.Combine(RepositoryFiles.Root, directory, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
            foreach (var inner in ProjectClosure(path.Replace('\\', '/')))
            {
                yield return inner;
            }
        }
    }

    private sealed record Instruction(string Keyword, string Arguments);

    private sealed record Stage(string Name, string From, IReadOnlyList<Instruction> Instructions);

    private sealed partial record Dockerfile(IReadOnlyList<Stage> Stages)
    {
        public Stage StageNamed(string name) => Stages.Single(s => s.Name == name);

        /// <summary>The last value of an instruction in a stage or the stages it is built FROM.</summary>
        public string? Inherited(string name, string keyword)
        {
            for (var stage = StageNamed(name); ; stage = StageNamed(stage.From))
            {
                if (stage.Instructions.LastOrDefault(i => i.Keyword == keyword) is { } found)
                {
                    return found.Arguments;
                }

                if (!Stages.Any(s => s.Name == stage.From))
                {
                    return null;
                }
            }
        }

        public static Dockerfile Parse(string text)
        {
            var stages = new List<Stage>();
            List<Instruction>? current = null;
            foreach (var line in LogicalLines(text))
            {
                var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
                var keyword = parts[0].ToUpperInvariant();
                var arguments = parts.Length > 1 ? parts[1] : "";
                if (keyword == "FROM")
                {
                    var from = FromLine().Match(arguments);
                    from.Success.ShouldBeTrue($"unreadable FROM {arguments}");
                    current = [];
                    stages.Add(new Stage(from.Groups["name"].Value, from.Groups["image"].Value, current));
                }
                else
                {
                    current?.Add(new Instruction(keyword, arguments));
                }
            }

            return new Dockerfile(stages);
        }

        private static IEnumerable<string> LogicalLines(string text)
        {
            var pending = "";
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith('#') || line.Length == 0)
                {
                    continue;
                }

                if (line.EndsWith('\\'))
                {
                    pending += line[..^1] + " ";
                    continue;
                }

                yield return pending + line;
                pending = "";
            }
        }

        [GeneratedRegex(@"^(--platform=\S+\s+)?(?<image>\S+)(\s+AS\s+(?<name>\S+))?$", RegexOptions.IgnoreCase)]
        private static partial Regex FromLine();
    }
}
