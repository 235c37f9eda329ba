using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Search;

/// <summary>A message found by <see cref="IMessageSearch"/>, with its headline still marked up.</summary>
public sealed record MessageMatch(
    ConversationId Conversation,
    long Sequence,
    ChatRole Role,
    DateTimeOffset CreatedAt,
    string Headline);
