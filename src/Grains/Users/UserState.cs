using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Users;

/// <summary>A user's persisted profile and list of conversations. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("UserState")]
public sealed class UserState
{
    [Id(0)] public string Email { get; set; } = "";

    [Id(1)] public DateTimeOffset CreatedAt { get; set; }

    [Id(2)] public List<ConversationSummary> Conversations { get; set; } = [];

    /// <summary>Every session carries it; a new one ends them all. Empty for users from before sessions had one.</summary>
    [Id(3)] public Guid SessionStamp { get; set; }

    /// <summary>Someone opened a link emailed to the address: from then on only links sign in.</summary>
    [Id(4)] public bool AddressProven { get; set; }

    /// <summary>The client network the account was made from: its accounts share one message budget. Empty for older users.</summary>
    [Id(5)] public string Network { get; set; } = "";

    /// <summary>How many times the whole list was published; every list event carries it (<see cref="ConversationListChanged.Version"/>).</summary>
    [Id(6)] public long ListVersion { get; set; }
}
