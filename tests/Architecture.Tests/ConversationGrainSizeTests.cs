namespace ChatbotOrleans.Architecture.Tests;

/// <summary>The conversation grain stays a short story: checks the caller, asks the domain, stores, publishes.</summary>
public sealed class ConversationGrainSizeTests
{
    [Fact]
    public void The_conversation_grain_over_all_its_partial_files_stays_under_250_lines() =>
        ClassSize.ShouldStayShort("src/Grains/Conversations", "ConversationGrain");
}
