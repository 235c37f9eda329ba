using Shouldly;

namespace ChatbotOrleans.Architecture.Tests;

/// <summary>
/// The house rule that a class reads as a short story: under <see cref="MaxLines"/> lines over all its partial files,
/// a component's <c>.razor</c> markup included.
/// </summary>
internal static class ClassSize
{
    public const int MaxLines = 250;

    /// <param name="folder">The class's folder, from the repository root.</param>
    /// <param name="name">The class's name, which its files' names start with: <c>Name.cs</c>, <c>Name.Part.cs</c>, <c>Name.razor</c>.</param>
    public static void ShouldStayShort(string folder, string name)
    {
        var parts = Directory.GetFiles(Path.Combine([ProjectFiles.RepositoryRoot, .. folder.Split('/')]), name + ".*")
            .Where(part => part.EndsWith(".cs", StringComparison.Ordinal) || part.EndsWith(".razor", StringComparison.Ordinal))
            .ToList();

        parts.ShouldNotBeEmpty($"the check must find the source of {name}");
        var lines = parts.Sum(part => File.ReadLines(part).Count());
        lines.ShouldBeLessThan(MaxLines, $"{string.Join(", ", parts.Select(Path.GetFileName))} hold {lines} lines; move logic into plain classes");
    }
}
