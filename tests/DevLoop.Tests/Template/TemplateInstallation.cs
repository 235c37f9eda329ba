namespace ChatbotOrleans.DevLoop.Tests.Template;

/// <summary>
/// This repository installed as a `dotnet new` template in a private CLI home (its own template cache, so
/// nothing is installed for the machine's user), and a way to run dotnet in that home.
/// </summary>
public sealed class TemplateInstallation : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("devloop-template-");

    public string Folder => _directory.FullName;

    public IReadOnlyDictionary<string, string> Variables { get; }

    public TemplateInstallation()
    {
        // The generated build restores from the packages this repository already restored: no network.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        Variables = new Dictionary<string, string>
        {
            ["DOTNET_CLI_HOME"] = Path.Combine(Folder, "cli-home"),
            ["NUGET_PACKAGES"] = packages,
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
        };
    }

    public Task<CommandResult> DotnetAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        Command.RunAsync("dotnet", arguments, workingDirectory, timeout, Variables);

    /// <summary>Generates a project from the installed template into a new folder under the installation's.</summary>
    public async Task<string> GenerateAsync(string name, params string[] options)
    {
        var output = Path.Combine(Folder, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        (await DotnetAsync(Folder, TimeSpan.FromMinutes(2), ["new", "chatbot-orleans", "-n", name, "-o", output, .. options]))
            .ShouldSucceed();
        return output;
    }

    public async ValueTask InitializeAsync() =>
        (await DotnetAsync(Folder, TimeSpan.FromMinutes(2), "new", "install", Repository.Root)).ShouldSucceed();

    public ValueTask DisposeAsync()
    {
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A build server may still hold a file in the temporary folder, or the watch-mode test's database left one
            // owned by the postgres account: the folder is the system's to clear.
        }

        return ValueTask.CompletedTask;
    }
}
