namespace ChatbotOrleans.Grains.Users;

/// <summary>Which user an email address belongs to. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("AccountState")]
public sealed class AccountState
{
    [Id(0)] public Guid UserId { get; set; }

    [Id(1)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The welcome email is in the outbox: the first sign-in is complete, later ones need a link.</summary>
    [Id(2)] public bool WelcomeQueued { get; set; }

    /// <summary>
    /// When the address signed in during the last hour, whoever asked: the limit before it was counted per
    /// network. No longer counted; kept so that old state loads.
    /// </summary>
    [Id(3)] public List<DateTimeOffset> SignInsAt { get; set; } = [];

    /// <summary>
    /// When each client network signed in with the address during the last hour: a stranger's requests use up
    /// their own network's allowance for the address, never its owner's.
    /// </summary>
    [Id(4)] public Dictionary<string, List<DateTimeOffset>> SignInsByNetwork { get; set; } = [];

    /// <summary>The links sent and not yet deleted (with their emails), the welcome email's included.</summary>
    [Id(5)] public List<IssuedLink> Links { get; set; } = [];
}
