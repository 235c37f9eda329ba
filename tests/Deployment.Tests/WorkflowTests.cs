namespace ChatbotOrleans.Deployment.Tests;

public sealed class WorkflowTests
{
    private const string OnMain = "github.ref == 'refs/heads/main'";

    private readonly IDictionary<object, object?> _workflow = YamlDocument.Load(".github/workflows/ci.yml");

    private IDictionary<object, object?> Job(string name) => _workflow.Map("jobs").Map(name);

    private static IEnumerable<IDictionary<object, object?>> Steps(IDictionary<object, object?> job) =>
        job.List("steps").OfType<IDictionary<object, object?>>();

    [Fact]
    public void Runs_on_every_push_and_pull_request()
    {
        // YAML 1.1 reads the key "on" as it is; YamlDotNet keeps it a string.
        var triggers = _workflow.Map("on");
        triggers.Keys.Select(k => k.ToString()).ShouldBe(["push", "pull_request"], ignoreOrder: true);
        triggers["push"].ShouldBeNull();
    }

    [Fact]
    public void Tests_with_the_READMEs_command_on_dotnet_10()
    {
        var steps = Steps(Job("test")).ToList();
        steps.ShouldContain(s => (s.Text("uses") ?? "").StartsWith("actions/setup-dotnet@", StringComparison.Ordinal)
            && s.Map("with").Text("dotnet-version")!.StartsWith("10.", StringComparison.Ordinal));
        steps.ShouldContain(s => s.Text("run") == "./test.sh");
    }

    [Fact]
    public void Pushes_both_images_to_GHCR_tagged_with_the_commit_only_from_main()
    {
        var images = Job("images");
        images.Text("if")!.ShouldContain(OnMain);
        images.Text("needs").ShouldBe("test");
        images.Map("strategy").Map("matrix").Strings("target").ShouldBe(["silo", "frontend"]);
        images.Map("permissions").Text("packages").ShouldBe("write");
        var build = Steps(images).Single(s => (s.Text("uses") ?? "").StartsWith("docker/build-push-action@", StringComparison.Ordinal)).Map("with");
        build.Text("file").ShouldBe(DockerfileTests.DockerfilePath);
        build.Text("push").ShouldBe("true");
        build.Text("tags")!.ShouldEndWith(":${{ github.sha }}");
        Steps(images).ShouldContain(s => (s.Text("run") ?? "").Contains("IMAGE_PREFIX=ghcr.io/", StringComparison.Ordinal));
    }

    [Fact]
    public void Deploys_only_from_main_after_the_images_and_waits_for_the_rollout()
    {
        var deploy = Job("deploy");
        deploy.Text("if")!.ShouldContain(OnMain);
        deploy.Text("if")!.ShouldContain("github.event_name == 'push'");
        deploy.Text("needs").ShouldBe("images");
        var step = Steps(deploy).Single(s => s.Text("run") == "deploy/swarm/deploy.sh");
        var environment = step.Map("env");
        environment.Text("DOCKER_HOST")!.ShouldStartWith("ssh://");
        environment.Text("TAG").ShouldBe("${{ github.sha }}");
    }

    [Fact]
    public void Deploy_scripts_run_the_migration_job_first_and_poll_the_update_state()
    {
        var deploy = RepositoryFiles.Read("deploy/swarm/deploy.sh");
        deploy.ShouldContain("docker stack deploy");
        deploy.ShouldContain("--with-registry-auth");
        deploy.IndexOf("wait_for_job \"${stack}_migrate\"", StringComparison.Ordinal)
            .ShouldBeLessThan(deploy.IndexOf("wait-for-update.sh\" \"${stack}_silo\"", StringComparison.Ordinal));
        var wait = RepositoryFiles.Read("deploy/swarm/wait-for-update.sh");
        wait.ShouldContain("{{.UpdateStatus.State}}");
        wait.ShouldContain("rollback_completed");
        foreach (var script in new[] { "deploy/swarm/deploy.sh", "deploy/swarm/wait-for-update.sh" })
        {
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(RepositoryFiles.PathOf(script)).HasFlag(UnixFileMode.UserExecute).ShouldBeTrue(script);
            }
        }
    }
}
