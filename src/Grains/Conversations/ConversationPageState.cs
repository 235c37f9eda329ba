using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Conversations;

/// <summary>The persisted messages of one archive page.</summary>
[GenerateSerializer, Alias("ConversationPageState")]
public sealed class ConversationPageState
{
    [Id(0)] public List<ChatMessage> Messages { get; set; } = [];
}
