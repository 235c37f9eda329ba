using System.Diagnostics;
using ChatbotOrleans.DevHost;

namespace ChatbotOrleans.TestSupport;

/// <summary>
/// The frontend as its container image holds it: `dotnet publish` of the build output (no second build), so
/// it runs in Production with Blazor's framework files (blazor.web.js), which a build output serves only in
/// Development. Published once per test process into a directory of its own, removed when the process ends.
/// </summary>
public static class PublishedFrontend
{
    private static readonly Lazy<Task<string>> Directory = new(PublishAsync);

    /// <summary>The published frontend's directory (its content root, with wwwroot).</summary>
    public static Task<string> DirectoryAsync() => Directory.Value;

    public const string AssemblyName = "ChatbotOrleans.Frontend.dll";

    private static async Task<string> PublishAsync()
    {
        var layout = RepositoryLayout.Find();
        var builtAssembly = layout.FrontendAssembly;
        var configuration = new DirectoryInfo(Path.GetDirectoryName(builtAssembly)!).Parent!.Name;
        var output = System.IO.Directory.CreateTempSubdirectory("chatbot-frontend-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(output);

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "publish", Path.Combine(layout.FrontendDirectory, "Frontend.csproj"), "--no-build", "-c", configuration,
                "-o", output, "--nologo", "-v:quiet",
            },
        };
        // Test processes run side by side; two publishes of one project at once would share its obj folder.
        await using var gate = await LockAsync(Path.Combine(layout.FrontendDirectory, "obj", "chatbot-publish.lock"));
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !File.Exists(Path.Combine(output, AssemblyName)))
        {
            throw new InvalidOperationException(
                $"dotnet publish of the frontend ({configuration}, from its build output) failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        return output;
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
            System.IO.Directory.Delete(directory, recursive: true);
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
