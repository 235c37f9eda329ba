namespace ChatbotOrleans.Grains.Users;

/// <summary>Which user an email address belongs to.</summary>
[GenerateSerializer, Alias("AccountState")]
public sealed class AccountState
{
    [Id(0)] public Guid UserId { get; set; }

    [Id(1)] public DateTimeOffset CreatedAt { get; set; }
}
