namespace ChatbotOrleans.Architecture.Tests;

/// <summary>The message list holds view state and hands the rest to plain classes it renders from.</summary>
public sealed class MessageListSizeTests
{
    [Fact]
    public void The_message_list_markup_and_code_together_stay_under_250_lines() =>
        ClassSize.ShouldStayShort("src/Frontend/Chat", "MessageList");
}
