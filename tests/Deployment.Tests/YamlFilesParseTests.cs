namespace ChatbotOrleans.Deployment.Tests;

public sealed class YamlFilesParseTests
{
    public static TheoryData<string> Files()
    {
        var files = new TheoryData<string> { "docker-compose.yml", "deploy/swarm/stack.yml" };
        foreach (var workflow in Directory.GetFiles(RepositoryFiles.PathOf(".github/workflows"), "*.yml"))
        {
            files.Add(Path.GetRelativePath(RepositoryFiles.Root, workflow));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_compose_stack_and_workflow_file_is_a_YAML_mapping(string file) =>
        YamlDocument.Load(file).Count.ShouldBeGreaterThan(0);

    [Fact]
    public void There_is_a_workflow() => Files().Count.ShouldBeGreaterThan(2);
}
