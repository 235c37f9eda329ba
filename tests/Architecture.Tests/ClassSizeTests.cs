using Shouldly;

namespace ChatbotOrleans.Architecture.Tests;

/// <summary>
/// A class stays short enough to read in one sitting: a grain tells a short story and its logic lives in plain
/// classes. A class is its files in one folder that share a name before the first dot, so a grain's partial files
/// (<c>UserGrain.cs</c>, <c>UserGrain.Data.cs</c>) and a component's markup and code (<c>Chat.razor</c>,
/// <c>Chat.razor.cs</c>) count together; stylesheets and scripts do not.
/// </summary>
public sealed class ClassSizeTests
{
    private const int MaxLines = 250;
    private static readonly string[] Folders = ["src", "tools", "bench", "tests"];
    private static readonly string[] SourceFiles = ["*.cs", "*.razor"];

    public static TheoryData<string> Roots => [.. Folders];

    [Theory]
    [MemberData(nameof(Roots))]
    public void Every_class_over_all_its_files_stays_under_250_lines(string folder)
    {
        var classes = Classes(Path.Combine(ProjectFiles.RepositoryRoot, folder));

        classes.ShouldNotBeEmpty("the check must find the sources");
        var tooLong = classes.Where(c => c.Lines >= MaxLines).Select(c => $"{c.Name} ({c.Lines} lines)").ToList();
        tooLong.ShouldBeEmpty($"move logic into plain classes (or split the tests by what they are about): {string.Join(", ", tooLong)}");
    }

    [Fact]
    public void A_grains_partial_files_count_as_one_class()
    {
        var folder = Path.Combine(ProjectFiles.RepositoryRoot, "src", "Grains", "Users");
        var grain = Classes(folder).Single(c => c.Name == Path.Combine("src", "Grains", "Users", "UserGrain"));

        var parts = Directory.GetFiles(folder, "UserGrain*.cs");
        parts.Length.ShouldBeGreaterThan(1, "the grain is split over partial files");
        grain.Lines.ShouldBe(parts.Sum(part => File.ReadLines(part).Count()));
    }

    private static List<(string Name, int Lines)> Classes(string root) =>
        [.. SourceFiles
            .SelectMany(pattern => Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories))
            .Where(file => !IsBuildOutput(Path.GetRelativePath(root, file)))
            .GroupBy(file => Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileName(file).Split('.')[0]))
            .Select(files => (Path.GetRelativePath(ProjectFiles.RepositoryRoot, files.Key), files.Sum(file => File.ReadLines(file).Count())))];

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules");
}
