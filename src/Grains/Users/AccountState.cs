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
    /// When the address signed in during the last hour, for the rate limit. Before every sign-in counted,
    /// this id held the times sign-in links were sent: a subset, so old state still loads and still counts.
    /// </summary>
    [Id(3)] public List<DateTimeOffset> SignInsAt { get; set; } = [];
}
