using System.Diagnostics;

namespace ChatbotOrleans.Deployment.Tests;

/// <summary>
/// The real loaders, where this machine has them (no engine needed): docker-compose's and the docker CLI's
/// schema validation and interpolation. ./test.sh installs them; without them these tests fail and say so.
/// </summary>
public sealed class ComposeToolingTests
{
    private static readonly Dictionary<string, string> StackVariables = new()
    {
        ["IMAGE_PREFIX"] = "ghcr.io/acme/chatbotorleans",
        ["APP_TAG"] = "0123abcd",
        ["MIGRATE_TAG"] = "0123abcd",
        ["DOMAIN"] = "chat.example.com",
        ["DASHBOARD_DOMAIN"] = "dashboard.example.com",
        ["DASHBOARD_USER"] = "ops",
        ["ACME_EMAIL"] = "ops@example.com",
        ["SMTP_HOST"] = "smtp.example.com",
        ["SMTP_SENDER"] = "chatbot@example.com",
    };

    [Fact]
    public async Task Compose_file_passes_docker_compose_config()
    {
        var (tool, prefix) = Find("docker-compose", [], ["version"]) ?? Find("docker", ["compose"], ["compose", "version"])
            ?? Missing("no Compose client (docker-compose or the docker compose plugin) on this machine: sudo apt-get install -y docker-compose");
        var (exitCode, output) = await RunAsync(tool, [.. prefix, "-f", "docker-compose.yml", "config", "-q"], []);
        exitCode.ShouldBe(0, output);
    }

    [Fact]
    public async Task Stack_file_passes_docker_stack_config()
    {
        var (tool, _) = Find("docker", [], ["stack", "config", "--help"]) ?? Missing("no docker CLI with `stack config` on this machine: sudo apt-get install -y docker.io");
        var (exitCode, output) = await RunAsync(tool, ["stack", "config", "-c", "deploy/swarm/stack.yml"], StackVariables);
        exitCode.ShouldBe(0, output);
        output.ShouldContain("replicated-job");
    }

    [Fact]
    public async Task Stack_file_refuses_to_deploy_without_its_variables()
    {
        var (tool, _) = Find("docker", [], ["stack", "config", "--help"]) ?? Missing("no docker CLI with `stack config` on this machine: sudo apt-get install -y docker.io");
        var (exitCode, output) = await RunAsync(tool, ["stack", "config", "-c", "deploy/swarm/stack.yml"], []);
        exitCode.ShouldNotBe(0);
        output.ShouldContain("set ");
    }

    private static (string Tool, string[] Prefix)? Find(string tool, string[] prefix, string[] probe)
    {
        try
        {
            var (exitCode, _) = RunAsync(tool, probe, []).GetAwaiter().GetResult();
            return exitCode == 0 ? (tool, prefix) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static (string, string[]) Missing(string reason) => throw new InvalidOperationException(reason);

    private static async Task<(int ExitCode, string Output)> RunAsync(string tool, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in StackVariables.Keys)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
