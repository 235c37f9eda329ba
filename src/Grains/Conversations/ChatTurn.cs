using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>One message of the context handed to the model.</summary>
public sealed record ChatTurn(ChatRole Role, string Text);
