namespace ChatbotOrleans.Architecture.Tests;

/// <summary>
/// The chat page holds its view state and its subscription; what it does lives in plain classes and child components.
/// Its class is Chat.razor with Chat.razor.cs and any Chat.*.razor.cs; ChatHeader and ChatSettings are classes of their own.
/// </summary>
public sealed class ChatPageSizeTests
{
    [Fact]
    public void The_chat_page_over_all_its_partial_files_stays_under_250_lines() =>
        ClassSize.ShouldStayShort("src/Frontend/Chat", "Chat");
}
