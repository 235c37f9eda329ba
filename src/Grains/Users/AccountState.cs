namespace ChatbotOrleans.Grains.Users;

/// <summary>Which user an email address belongs to. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("AccountState")]
public sealed class AccountState
{
    [Id(0)] public Guid UserId { get; set; }

    [Id(1)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The welcome email is in the outbox: the first sign-in is complete, later ones need a link.</summary>
    [Id(2)] public bool WelcomeQueued { get; set; }

    /// <summary>When sign-in links were sent in the last hour, for the rate limit.</summary>
    [Id(3)] public List<DateTimeOffset> LinksSentAt { get; set; } = [];
}
