using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Grains.Conversations;
using Shouldly;

namespace ChatbotOrleans.Domain.Tests.Conversations;

/// <summary>Builds a <see cref="Conversation"/> owned by <see cref="Owner"/> and drives it as the grain does.</summary>
internal static class TestConversation
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly UserId Owner = new(Guid.Parse("0191a6c0-0000-7000-8000-000000000001"));

    public static Conversation New(int pageSize = 32, int maxMessageLength = 4_000, int contextBudget = 12_000)
    {
        var options = new ConversationOptions
        {
            PageSize = pageSize,
            MaxMessageLength = maxMessageLength,
            ContextCharacterBudget = contextBudget,
        };
        var conversation = new Conversation(new ConversationState(), options);
        conversation.Create(Owner, Start);
        return conversation;
    }

    /// <summary>Sends a user message that must be accepted, and returns what was stored.</summary>
    public static ChatMessage Send(this Conversation conversation, string text, DateTimeOffset? at = null)
    {
        var decision = conversation.AddUserMessage(new SendMessage(MessageId.New(), text), at ?? Start);
        decision.Outcome.ShouldBe(SendOutcome.Accepted, decision.Error);
        return decision.Message.ShouldNotBeNull();
    }

    public static ChatMessage Reply(this Conversation conversation, ChatMessage userMessage, ReplyStatus status = ReplyStatus.Complete, string text = "a reply") =>
        conversation.AddReply(
            userMessage.Id, text, "offline", status, status == ReplyStatus.Failed ? "The model failed." : null, Start);

    public static IReadOnlyList<ChatMessage> RepliesTo(this Conversation conversation, ChatMessage userMessage) =>
        [.. conversation.State.Recent.Where(m => m.ReplyTo == userMessage.Id)];
}
