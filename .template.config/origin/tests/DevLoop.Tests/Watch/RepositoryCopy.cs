namespace ChatbotOrleans.DevLoop.Tests.Watch;

/// <summary>
/// This repository's files copied into a temporary folder (no build output, git data or local database), so a
/// test can edit sources and run the scripts there without touching the checkout.
/// </summary>
public sealed class RepositoryCopy : IDisposable
{
    private static readonly HashSet<string> LeftOut = ["bin", "obj", ".git", ".data", "artifacts", "TestResults", "node_modules", ".vs", ".idea"];

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("devloop-watch-");

    public RepositoryCopy()
    {
        CopyDirectory(new DirectoryInfo(Repository.Root), Root);
    }

    public string Root => Path.Combine(_directory.FullName, "repo");

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public void Dispose()
    {
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A database file owned by the postgres account, or one a build server still holds: the system's to clear.
        }
    }

    private static void CopyDirectory(DirectoryInfo source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in source.EnumerateFiles())
        {
            file.CopyTo(Path.Combine(target, file.Name));
        }

        foreach (var directory in source.EnumerateDirectories().Where(d => !LeftOut.Contains(d.Name)))
        {
            CopyDirectory(directory, Path.Combine(target, directory.Name));
        }
    }
}
