using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

public sealed class ContextWindowInstructionsTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ChatMessage User(string text) => new(MessageId.New(), 0, ChatRole.User, text, At);

    private static ChatMessage Bot(ChatMessage question, string text) =>
        new(MessageId.New(), 0, ChatRole.Assistant, text, At, question.Id, ReplyStatus.Complete, "offline");

    [Fact]
    public void The_instructions_come_first_as_a_system_turn()
    {
        var q1 = User("hello");

        var turns = ContextWindow.Build([q1], q1.Id, 1_000, "Answer in French.");

        turns.ShouldBe([new(ChatRole.System, "Answer in French."), new(ChatRole.User, "hello")]);
    }

    [Fact]
    public void The_instructions_count_against_the_budget_and_survive_when_older_turns_are_trimmed()
    {
        var q1 = User(new string('1', 100));
        var a1 = Bot(q1, new string('2', 100));
        var q2 = User(new string('3', 100));
        var instructions = new string('i', 150);

        // 400 characters: the instructions (150) and the newest two turns (200) fit, the oldest does not.
        var turns = ContextWindow.Build([q1, a1, q2], q2.Id, 400, instructions);

        turns.Select(t => t.Role).ShouldBe([ChatRole.System, ChatRole.Assistant, ChatRole.User]);
        turns[0].Text.ShouldBe(instructions);
        turns.Sum(t => t.Text.Length).ShouldBeLessThanOrEqualTo(400);
    }

    [Fact]
    public void Instructions_longer_than_the_budget_still_leave_the_message_answered_in()
    {
        var q1 = User(new string('q', 500));

        var turns = ContextWindow.Build([q1], q1.Id, 1_000, new string('i', 4_000));

        turns.Select(t => t.Role).ShouldBe([ChatRole.System, ChatRole.User]);
        turns[1].Text.Length.ShouldBe(100);
    }

    [Fact]
    public void Blank_instructions_send_no_system_turn()
    {
        var q1 = User("hello");

        ContextWindow.Build([q1], q1.Id, 1_000, "  ").ShouldBe([new ChatTurn(ChatRole.User, "hello")]);
    }
}
