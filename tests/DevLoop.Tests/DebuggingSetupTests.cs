using System.Text.Json;
using System.Xml.Linq;

namespace ChatbotOrleans.DevLoop.Tests;

/// <summary>
/// The IDE files cannot be run here, so they are read: every path, program, task and service they name
/// exists, and the two processes agree on where the database and the frontend are.
/// </summary>
public sealed class DebuggingSetupTests
{
    private static readonly JsonDocumentOptions Jsonc = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static JsonElement Load(string relativePath) => JsonDocument.Parse(Repository.Read(relativePath), Jsonc).RootElement;

    [Theory]
    [InlineData("src/Silo/Silo.csproj", "run")]
    [InlineData("src/Frontend/Frontend.csproj", null)]
    public void Each_process_has_a_launch_profile_with_a_database(string project, string? arguments)
    {
        var settings = Path.Combine(Path.GetDirectoryName(project)!, "Properties", "launchSettings.json");
        var profile = Load(settings).GetProperty("profiles").EnumerateObject().First().Value;
        profile.GetProperty("commandName").GetString().ShouldBe("Project");
        profile.GetProperty("applicationUrl").GetString().ShouldStartWith("http://localhost:");
        Environment(profile, "environmentVariables")["ConnectionStrings__Orleans"].ShouldBe(ConnectionString);
        Environment(profile, "environmentVariables")["ASPNETCORE_ENVIRONMENT"].ShouldBe("Development");
        if (arguments is not null)
        {
            profile.GetProperty("commandLineArgs").GetString().ShouldBe(arguments);
        }
    }

    [Fact]
    public void Compound_configuration_builds_migrates_and_debugs_silo_and_frontend_together()
    {
        var launch = Load(".vscode/launch.json");
        var configurations = launch.GetProperty("configurations").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        var compound = launch.GetProperty("compounds").EnumerateArray().Single();
        var members = compound.GetProperty("configurations").EnumerateArray().Select(c => c.GetString()!).ToList();
        members.ShouldBe(["Silo", "Frontend"]);
        members.ShouldAllBe(name => configurations.ContainsKey(name));
        compound.GetProperty("stopAll").GetBoolean().ShouldBeTrue();

        var tasks = Load(".vscode/tasks.json").GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("label").GetString()!);
        var prelaunch = compound.GetProperty("preLaunchTask").GetString()!;
        tasks.ShouldContainKey(prelaunch);
        tasks[prelaunch].GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()).ShouldContain("build");
        tasks[prelaunch].GetProperty("args").EnumerateArray().Select(a => a.GetString()).ShouldContain("migrate");
        var build = tasks["build"].GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
        build.ShouldContain(a => a.EndsWith(".slnf", StringComparison.Ordinal) && File.Exists(Workspace(a)), string.Join(' ', build));
        configurations.Keys.Where(name => configurations[name].TryGetProperty("preLaunchTask", out var _))
            .ShouldBeEmpty("the compound builds once; two builds at once would collide");
    }

    [Theory]
    [InlineData("Silo", "src/Silo/Silo.csproj")]
    [InlineData("Frontend", "src/Frontend/Frontend.csproj")]
    public void Each_configuration_runs_the_assembly_its_project_builds(string name, string project)
    {
        var configuration = Load(".vscode/launch.json").GetProperty("configurations").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == name);
        configuration.GetProperty("type").GetString().ShouldBe("coreclr");
        var projectDirectory = Path.GetDirectoryName(project)!;
        var expected = $"${{workspaceFolder}}/{projectDirectory}/bin/Debug/net10.0/{AssemblyNameOf(project)}.dll";
        configuration.GetProperty("program").GetString().ShouldBe(expected);
        configuration.GetProperty("cwd").GetString().ShouldBe("${workspaceFolder}/" + projectDirectory);
        Environment(configuration, "env")["ConnectionStrings__Orleans"].ShouldBe(ConnectionString);
    }

    [Fact]
    public void Frontend_is_debugged_where_its_launch_profile_serves()
    {
        var profile = Load("src/Frontend/Properties/launchSettings.json").GetProperty("profiles").EnumerateObject().First().Value;
        var configuration = Load(".vscode/launch.json").GetProperty("configurations").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "Frontend");
        Environment(configuration, "env")["Urls"].ShouldBe(profile.GetProperty("applicationUrl").GetString());
    }

    [Fact]
    public void Dev_container_has_the_sdk_postgresql_and_chromium_and_the_debuggers_database()
    {
        var container = Load(".devcontainer/devcontainer.json");
        var composeFile = Path.Combine(".devcontainer", container.GetProperty("dockerComposeFile").GetString()!);
        var compose = Repository.Read(composeFile);
        compose.ShouldContain($"\n  {container.GetProperty("service").GetString()}:\n");
        compose.ShouldContain("dockerfile: Dockerfile");
        compose.ShouldContain("network_mode: service:db");
        compose.ShouldContain("\"-p\", \"55432\"", Case.Sensitive, "the debugger's connection string names port 55432");
        compose.ShouldContain("POSTGRES_DB: chatbot");
        compose.ShouldContain($"..:{container.GetProperty("workspaceFolder").GetString()}");

        var dockerfile = Repository.Read(".devcontainer/Dockerfile");
        dockerfile.ShouldContain("FROM mcr.microsoft.com/dotnet/sdk:10.0");
        dockerfile.ShouldContain(" postgresql ");
        dockerfile.ShouldContain(" chromium ");
        dockerfile.ShouldContain("USER $USERNAME", Case.Sensitive, "initdb refuses root");

        var postCreate = container.GetProperty("postCreateCommand").GetString()!;
        postCreate.ShouldContain("--locked-mode");
        foreach (var script in postCreate.Split("&&", StringSplitOptions.TrimEntries).Where(c => c.StartsWith("scripts/", StringComparison.Ordinal)))
        {
            File.Exists(Repository.PathOf(script.Split(' ')[0])).ShouldBeTrue(script);
        }
    }

    private const string ConnectionString = "Host=localhost;Port=55432;Database=chatbot;Username=chatbot;Password=chatbot";

    private static Dictionary<string, string> Environment(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static string Workspace(string path) => Repository.PathOf(path.Replace("${workspaceFolder}/", "", StringComparison.Ordinal));

    private static string AssemblyNameOf(string project)
    {
        var own = XDocument.Load(Repository.PathOf(project)).Descendants("AssemblyName").FirstOrDefault()?.Value;
        var pattern = own ?? XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("AssemblyName").Single().Value;
        return pattern.Replace("$(MSBuildProjectName)", Path.GetFileNameWithoutExtension(project), StringComparison.Ordinal);
    }
}
