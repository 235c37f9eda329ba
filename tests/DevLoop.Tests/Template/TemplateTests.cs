using System.Text.Json;
using ChatbotOrleans.DevLoop.Tests.Watch;

namespace ChatbotOrleans.DevLoop.Tests.Template;

/// <summary>
/// `dotnet new chatbot-orleans` from this repository: the generated solution carries the new name everywhere
/// and builds and passes its domain tests on its own (warnings as errors, packages from the local cache).
/// </summary>
/// <remarks>
/// Only the solution made without deployment is built and tested: building both would cost the suite a minute of
/// both cores, and the two differ only in the deployment projects, which the renaming checks still read. The
/// watch-mode test runs in the same built project (<see cref="WatchedProject"/>).
/// </remarks>
[Collection(WatchTarget.Collection)]
public sealed class TemplateTests(WatchedProject watched)
{
    private static readonly string[] OldNames = ["ChatbotOrleans", "chatbotorleans", "chatbot-orleans", "chatbot", "CHATBOT"];

    [Fact]
    public async Task Generated_solution_is_renamed_throughout()
    {
        var project = await watched.Template.GenerateAsync("Acme.Chat");

        File.Exists(Path.Combine(project, "Acme.Chat.sln")).ShouldBeTrue();
        File.Exists(Path.Combine(project, "tests", "DevLoop.Tests", "Template", "TemplateTests.cs")).ShouldBeFalse("the template's own test is not part of a project made from it");
        var files = System.IO.Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(project, file))
            .ToList();
        files.ShouldContain(Path.Combine("src", "Silo", "packages.lock.json"));
        files.ShouldNotContain(file => file.Contains("ChatbotOrleans", StringComparison.Ordinal));
        string[] leftOut = ["bin", "obj", ".git", ".data", "artifacts", ".template.config"];
        files.Where(file => file.Split(Path.DirectorySeparatorChar).Intersect(leftOut).Any()).ShouldBeEmpty();
        // The update script names the template it regenerates from: the template copies it unchanged.
        foreach (var file in files.Where(IsText).Where(file => file != Path.Combine("scripts", "update-from-template.sh")))
        {
            var text = await File.ReadAllTextAsync(Path.Combine(project, file), Ct);
            foreach (var old in OldNames)
            {
                text.ShouldNotContain(old, Case.Sensitive, $"{file} still says {old}");
            }
        }

        await ShouldHaveIdentityAsync(project);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(project, "test.sh")).HasFlag(UnixFileMode.UserExecute).ShouldBeTrue("test.sh is not executable");
        }

    }

    [Fact]
    public async Task Without_the_bench_the_solution_names_only_projects_that_exist()
    {
        var project = await watched.Template.GenerateAsync("Acme.Lean", "--no-bench");

        System.IO.Directory.Exists(Path.Combine(project, "bench")).ShouldBeFalse();
        System.IO.Directory.Exists(Path.Combine(project, "tests", "Bench.Tests")).ShouldBeFalse();
        File.Exists(Path.Combine(project, "bench.sh")).ShouldBeFalse();
        var solution = await File.ReadAllTextAsync(Path.Combine(project, "Acme.Lean.sln"), Ct);
        solution.ShouldNotContain("Bench", Case.Insensitive);
        var listed = (await watched.Template.DotnetAsync(project, TimeSpan.FromMinutes(1), "sln", "Acme.Lean.sln", "list")).ShouldSucceed();
        var projects = listed.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.EndsWith(".csproj", StringComparison.Ordinal))
            .ToList();
        projects.Count.ShouldBeGreaterThan(8, listed.ToString());
        projects.ShouldAllBe(path => File.Exists(Path.Combine(project, path.Replace('\\', Path.DirectorySeparatorChar))));
        (await File.ReadAllTextAsync(Path.Combine(project, ".template-origin"), Ct))
            .ShouldContain("options=--no-bench");
    }

    [Fact]
    public async Task Without_deployment_the_project_keeps_no_deploy_file_builds_whole_and_passes_its_domain_tests()
    {
        var (project, build) = await watched.BuiltAsync();

        string[] gone = ["deploy", Path.Combine("tests", "Deployment.Tests"), Path.Combine("tools", "ContainerCheck")];
        gone.ShouldAllBe(folder => !System.IO.Directory.Exists(Path.Combine(project, folder)));
        File.Exists(Path.Combine(project, ".dockerignore")).ShouldBeFalse();
        var compose = await File.ReadAllTextAsync(Path.Combine(project, "docker-compose.yml"), Ct);
        compose.ShouldContain("127.0.0.1:55432:5432", Case.Sensitive, "the debugger's PostgreSQL stays");
        compose.ShouldContain("POSTGRES_DB: acme_ship");
        compose.ShouldNotContain("build:", Case.Sensitive, "no image is built without the Dockerfile");
        var ci = await File.ReadAllTextAsync(Path.Combine(project, ".github", "workflows", "ci.yml"), Ct);
        ci.ShouldContain("run: ./test.sh");
        ci.ShouldNotContain("deploy", Case.Insensitive, "CI only tests");
        ci.ShouldNotContain("#if", Case.Sensitive);
        (await File.ReadAllTextAsync(Path.Combine(project, ".github", "dependabot.yml"), Ct)).ShouldNotContain("/deploy");
        var readme = await File.ReadAllTextAsync(Path.Combine(project, "README.md"), Ct);
        readme.ShouldNotContain("Deployment.Tests");
        readme.ShouldNotContain("## Docker");
        readme.ShouldNotContain("<!--#", Case.Sensitive);
        (await File.ReadAllTextAsync(Path.Combine(project, "Acme.Ship.sln"), Ct)).ShouldNotContain("Deployment");
        (await File.ReadAllTextAsync(Path.Combine(project, ".template-origin"), Ct)).ShouldContain("options=--no-deploy");

        // Every project the solution names compiles from the locked packages, with warnings as errors.
        build.ShouldSucceed();
        var test = (await watched.Template.DotnetAsync(project, TimeSpan.FromMinutes(5), "test", "--project", "tests/Domain.Tests", "--no-build")).ShouldSucceed();
        test.Output.ShouldContain("failed: 0", Case.Sensitive, test.ToString());
        test.Output.ShouldNotContain("succeeded: 0", Case.Sensitive, test.ToString());
    }

    private static async Task ShouldHaveIdentityAsync(string project)
    {
        (await File.ReadAllLinesAsync(Path.Combine(project, "README.md"), Ct))[0].ShouldBe("# Acme.Chat");
        using var silo = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(project, "src", "Silo", "appsettings.json"), Ct));
        silo.RootElement.GetProperty("Orleans").GetProperty("ClusterId").GetString().ShouldBe("acme_chat");
        silo.RootElement.GetProperty("Orleans").GetProperty("ServiceId").GetString().ShouldBe("acme_chat");
        (await File.ReadAllTextAsync(Path.Combine(project, "docker-compose.yml"), Ct)).ShouldContain("Database=acme_chat;Username=acme_chat");
        (await File.ReadAllTextAsync(Path.Combine(project, "src", "Grains", "Conversations", "ConversationGrain.cs"), Ct)).ShouldContain("namespace Acme.Chat.Grains.Conversations;");
        (await File.ReadAllTextAsync(Path.Combine(project, "Directory.Build.props"), Ct)).ShouldContain("<RootNamespace>Acme.Chat.$(MSBuildProjectName)</RootNamespace>");
        var origin = await File.ReadAllTextAsync(Path.Combine(project, ".template-origin"), Ct);
        origin.ShouldContain("name=Acme.Chat");
        origin.ShouldMatch(@"generated=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool IsText(string file) =>
        Path.GetExtension(file) is not (".png" or ".jpg" or ".ico" or ".woff" or ".woff2" or ".gz" or ".br");
}
