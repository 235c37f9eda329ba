namespace ChatbotOrleans.Architecture.Tests;

/// <summary>The user grain stays a short story: asks the <c>User</c>, stores, publishes the list.</summary>
public sealed class UserGrainSizeTests
{
    [Fact]
    public void The_user_grain_over_all_its_partial_files_stays_under_250_lines() =>
        ClassSize.ShouldStayShort("src/Grains/Users", "UserGrain");
}
