using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

/// <summary>Builds a <see cref="Conversation"/> owned by <see cref="Owner"/> and drives it as the grain does.</summary>
internal static class TestConversation
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly UserId Owner = new(Guid.Parse("0191a6c0-0000-7000-8000-000000000001"));

    public static Conversation New(int windowSize = 32, int maxMessageLength = 4_000, int contextBudget = 12_000)
    {
        var conversation = new Conversation(new ConversationState(), [], Options(windowSize, maxMessageLength, contextBudget));
        conversation.Create(Owner, Start);
        conversation.PrepareStateWrite();
        return conversation;
    }

    /// <summary>The conversation a new activation makes of what <paramref name="conversation"/> stored: its state and log.</summary>
    public static Conversation Reloaded(this Conversation conversation, IReadOnlyList<ChatMessage> log, int windowSize = 32) =>
        new(Copy(conversation.State), [.. log.TakeLast(windowSize)], Options(windowSize, 4_000, 12_000));

    private static ConversationOptions Options(int windowSize, int maxMessageLength, int contextBudget) => new()
    {
        WindowSize = windowSize,
        MaxMessageLength = maxMessageLength,
        ContextCharacterBudget = contextBudget,
    };

    private static ConversationState Copy(ConversationState state) => new()
    {
        OwnerId = state.OwnerId,
        Title = state.Title,
        CreatedAt = state.CreatedAt,
        UpdatedAt = state.UpdatedAt,
        Sequence = state.Sequence,
        ReplyRequests = [.. state.ReplyRequests],
    };

    /// <summary>Sends a user message that must be accepted, and returns what was stored.</summary>
    public static ChatMessage Send(this Conversation conversation, string text, DateTimeOffset? at = null)
    {
        // Without a rate limiter the send completes at once.
        var sending = conversation.AddUserMessageAsync(new SendMessage(MessageId.New(), text), at ?? Start, Allowances.Unlimited);
        sending.IsCompletedSuccessfully.ShouldBeTrue();
        var decision = sending.Result;
        decision.Outcome.ShouldBe(ChangeOutcome.Accepted, decision.Error);
        return decision.Message.ShouldNotBeNull();
    }

    public static ChatMessage Reply(this Conversation conversation, ChatMessage userMessage, ReplyStatus status = ReplyStatus.Complete, string text = "a reply") =>
        conversation.AddReply(
            userMessage.Id, text, "offline", status, status == ReplyStatus.Failed ? "The model failed." : null, Start);

    public static IReadOnlyList<ChatMessage> RepliesTo(this Conversation conversation, ChatMessage userMessage) =>
        [.. conversation.Recent.Where(m => m.ReplyTo == userMessage.Id)];
}

/// <summary>An allowance that grants (or refuses with <paramref name="refusal"/>) and remembers being asked.</summary>
internal sealed class CountingAllowance(string? refusal = null)
{
    public bool Spent { get; private set; }

    public Task<string?> TakeAsync()
    {
        Spent = true;
        return Task.FromResult(refusal);
    }
}
