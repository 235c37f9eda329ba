namespace ChatbotOrleans.DevLoop.Tests;

/// <summary>
/// scripts/install-hooks.sh in a clone of this repository (never in the repository itself, whose hooks
/// folder other worktrees share): a commit of a misformatted C# file is refused, one without code is not held up.
/// </summary>
public sealed class PreCommitHookTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("devloop-hook-");

    private string? _notARepository;

    private string Clone => Path.Combine(_directory.FullName, "clone");

    [Fact]
    public async Task Refuses_a_commit_with_a_misformatted_staged_file_and_names_it()
    {
        if (_notARepository is not null)
        {
            Assert.Skip(_notARepository);
        }

        var file = Path.Combine("src", "Grains", "Misformatted.cs");
        await File.WriteAllTextAsync(Path.Combine(Clone, file), "namespace ChatbotOrleans.Grains;\n\npublic static class Misformatted\n{\n  public static int Two()   {  return 2; }\n}\n", Ct);
        (await GitAsync("add", file)).ShouldSucceed();

        var commit = await GitAsync("commit", "-m", "Add a misformatted file");

        commit.ExitCode.ShouldNotBe(0, commit.ToString());
        commit.Output.ShouldContain("Misformatted.cs", Case.Sensitive, commit.ToString());
        commit.Output.ShouldContain("not formatted", Case.Sensitive, commit.ToString());
        (await GitAsync("rev-list", "--count", "HEAD")).Output.Trim().ShouldBe("1", "the commit was made anyway");
    }

    [Fact]
    public async Task Lets_a_commit_without_code_through_at_once()
    {
        if (_notARepository is not null)
        {
            Assert.Skip(_notARepository);
        }

        await File.AppendAllTextAsync(Path.Combine(Clone, "README.md"), "\nA line of documentation.\n", Ct);
        (await GitAsync("add", "README.md")).ShouldSucceed();

        var commit = (await GitAsync("commit", "-m", "Document something")).ShouldSucceed();

        commit.Output.ShouldNotContain("pre-commit:", Case.Sensitive, commit.ToString());
        (await GitAsync("rev-list", "--count", "HEAD")).Output.Trim().ShouldBe("2");
    }

    public async ValueTask InitializeAsync()
    {
        // A project just made from the template has no commit yet: there is nothing to clone.
        var head = await Command.RunAsync("git", ["rev-parse", "--verify", "HEAD"], Repository.Root, TimeSpan.FromSeconds(30));
        if (head.ExitCode != 0)
        {
            _notARepository = $"{Repository.Root} has no git commit to clone ({head.Output.Trim()})";
            return;
        }

        // A one-commit clone of HEAD: the hook and its scripts as committed.
        (await Command.RunAsync("git", ["clone", "--quiet", "--depth", "1", "file://" + Repository.Root, Clone], _directory.FullName, TimeSpan.FromMinutes(1)))
            .ShouldSucceed();
        (await GitAsync("config", "user.email", "hook-test@localhost")).ShouldSucceed();
        (await GitAsync("config", "user.name", "Hook test")).ShouldSucceed();
        var install = (await Command.RunAsync("bash", ["scripts/install-hooks.sh"], Clone, TimeSpan.FromSeconds(30))).ShouldSucceed();
        install.Output.ShouldContain("pre-commit");
        File.Exists(Path.Combine(Clone, ".git", "hooks", "pre-commit")).ShouldBeTrue(install.ToString());
    }

    public ValueTask DisposeAsync()
    {
        _directory.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<CommandResult> GitAsync(params string[] arguments) =>
        Command.RunAsync("git", arguments, Clone, TimeSpan.FromMinutes(2));
}
