using System.Xml.Linq;
using Shouldly;

namespace ChatbotOrleans.Architecture.Tests;

/// <summary>Reads the PackageReference and ProjectReference items of the .csproj files under src/.</summary>
internal static class ProjectFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string PathOf(string projectName) =>
        Path.Combine(RepositoryRoot, "src", projectName, projectName + ".csproj");

    public static XDocument Read(string projectPath) => XDocument.Load(projectPath);

    public static string Sdk(string projectPath) => (string?)Read(projectPath).Root!.Attribute("Sdk") ?? "";

    public static IReadOnlyList<string> Items(string projectPath, string itemName) =>
        [.. Read(projectPath).Descendants().Where(e => e.Name.LocalName == itemName).Select(e => (string)e.Attribute("Include")!)];

    public static IReadOnlyList<string> DirectProjectReferences(string projectPath) =>
        [.. Items(projectPath, "ProjectReference").Select(include => Path.GetFullPath(
            Path.Combine(Path.GetDirectoryName(projectPath)!, include.Replace('\\', Path.DirectorySeparatorChar))))];

    /// <summary>The project itself and every project it references, directly or transitively.</summary>
    public static IReadOnlyList<string> ProjectClosure(string projectPath)
    {
        var seen = new List<string>();
        var pending = new Stack<string>([Path.GetFullPath(projectPath)]);
        while (pending.TryPop(out var path))
        {
            if (seen.Contains(path))
            {
                continue;
            }

            File.Exists(path).ShouldBeTrue($"referenced project {path} does not exist");
            seen.Add(path);
            foreach (var reference in DirectProjectReferences(path))
            {
                pending.Push(reference);
            }
        }

        return seen;
    }

    /// <summary>The packages the project and the projects it references name in their own files.</summary>
    public static IReadOnlySet<string> PackageClosure(string projectPath) =>
        ProjectClosure(projectPath).SelectMany(p => Items(p, "PackageReference")).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static string ProjectName(string projectPath) => Path.GetFileNameWithoutExtension(projectPath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatbotOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ChatbotOrleans.sln) is not above " + AppContext.BaseDirectory);
    }
}
