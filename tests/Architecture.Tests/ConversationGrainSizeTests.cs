using Shouldly;

namespace ChatbotOrleans.Architecture.Tests;

/// <summary>The conversation grain stays a short story: checks the caller, asks the domain, stores, publishes.</summary>
public sealed class ConversationGrainSizeTests
{
    private const int MaxLines = 250;

    [Fact]
    public void The_conversation_grain_over_all_its_partial_files_stays_under_250_lines()
    {
        var parts = Directory.GetFiles(Path.Combine(ProjectFiles.RepositoryRoot, "src", "Grains", "Conversations"), "ConversationGrain*.cs");

        parts.ShouldNotBeEmpty("the check must find the grain's source");
        var lines = parts.Sum(part => File.ReadLines(part).Count());
        lines.ShouldBeLessThan(MaxLines, $"{string.Join(", ", parts.Select(Path.GetFileName))} hold {lines} lines; move logic into plain classes");
    }
}
