namespace ChatbotOrleans.LocalRun;

/// <summary>Where the built app processes live in this repository.</summary>
public sealed class RepositoryLayout(string root)
{
    public string Root { get; } = root;

    public string SiloDirectory => Path.Combine(Root, "src", "Silo");

    public string FrontendDirectory => Path.Combine(Root, "src", "Frontend");

    public string SiloAssembly => BuiltAssembly(SiloDirectory, "ChatbotOrleans.Silo.dll");

    public string FrontendAssembly => BuiltAssembly(FrontendDirectory, "ChatbotOrleans.Frontend.dll");

    public string SiloProject => Path.Combine(SiloDirectory, "Silo.csproj");

    public string FrontendProject => Path.Combine(FrontendDirectory, "Frontend.csproj");

    public string DataDirectory => Path.Combine(Root, ".data");

    /// <summary>Finds the repository by walking up from <paramref name="start"/> to ChatbotOrleans.sln.</summary>
    public static RepositoryLayout Find(string? start = null)
    {
        for (var directory = new DirectoryInfo(start ?? AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatbotOrleans.sln")))
            {
                return new RepositoryLayout(directory.FullName);
            }
        }

        throw new InvalidOperationException("ChatbotOrleans.sln was not found above " + (start ?? AppContext.BaseDirectory));
    }

    private static string BuiltAssembly(string projectDirectory, string fileName)
    {
        var candidates = new[] { BuildConfiguration, "Debug", "Release" }
            .Select(configuration => Path.Combine(projectDirectory, "bin", configuration, "net10.0", fileName))
            .Where(File.Exists)
            .ToList();
        return candidates.Count > 0
            ? candidates[0]
            : throw new InvalidOperationException($"{fileName} is not built; run `dotnet build ChatbotOrleans.sln` first.");
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}
