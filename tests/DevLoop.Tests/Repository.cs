namespace ChatbotOrleans.DevLoop.Tests;

/// <summary>Finds the repository's files from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatbotOrleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ChatbotOrleans.sln not found above " + AppContext.BaseDirectory);
    }
}
