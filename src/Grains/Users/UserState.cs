using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Users;

/// <summary>A user's persisted profile and list of conversations.</summary>
[GenerateSerializer, Alias("UserState")]
public sealed class UserState
{
    [Id(0)] public string Email { get; set; } = "";

    [Id(1)] public DateTimeOffset CreatedAt { get; set; }

    [Id(2)] public List<ConversationSummary> Conversations { get; set; } = [];
}
