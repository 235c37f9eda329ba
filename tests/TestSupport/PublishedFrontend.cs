using System.Collections.Concurrent;
using ChatbotOrleans.LocalRun;

namespace ChatbotOrleans.TestSupport;

/// <summary>
/// The frontend as its container image holds it: `dotnet publish` of the build output (no second build), so
/// it runs in Production with Blazor's framework files (blazor.web.js), which a build output serves only in
/// Development. Published once per test process into a directory of its own, removed when the process ends.
/// </summary>
public static class PublishedFrontend
{
    private static readonly Lazy<Task<string>> Assembly = new(PublishAsync);

    /// <summary>The published frontend's assembly; its directory is the content root, with wwwroot.</summary>
    public static Task<string> AssemblyAsync() => Assembly.Value;

    private static async Task<string> PublishAsync()
    {
        var layout = RepositoryLayout.Find();
        var builtAssembly = layout.FrontendAssembly;
        var configuration = new DirectoryInfo(Path.GetDirectoryName(builtAssembly)!).Parent!.Name;
        var output = Directory.CreateTempSubdirectory("chatbot-frontend-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(output);

        // Test processes run side by side; two publishes of one project at once would share its obj folder.
        await using var gate = await LockAsync(Path.Combine(layout.FrontendDirectory, "obj", "chatbot-publish.lock"));
        var lines = new ConcurrentQueue<string>();
        await using var publish = AppProcess.Start(
            "publish", "publish", layout.Root, new Dictionary<string, string?>(), lines.Enqueue,
            Path.Combine(layout.FrontendDirectory, "Frontend.csproj"), "--no-build", "-c", configuration, "-o", output, "--nologo", "-v:quiet");
        await publish.Exited;
        var published = Path.Combine(output, Path.GetFileName(builtAssembly));
        if (publish.ExitCode != 0 || !File.Exists(published))
        {
            throw new InvalidOperationException(
                $"dotnet publish of the frontend ({configuration}, from its build output) failed with exit code {publish.ExitCode}:\n{string.Join('\n', lines)}");
        }

        return published;
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(100);
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file; the temp directory is the system's to clean.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
