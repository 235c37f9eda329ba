using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>What <see cref="Conversation.AddUserMessage"/> decided; only an accepted send changed the state.</summary>
public sealed record SendDecision(SendOutcome Outcome, ChatMessage? Message, string? Error)
{
    public SendResult ToResult() => new(Outcome, Message, Error);
}
