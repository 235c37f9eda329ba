namespace ChatbotOrleans.Grains.Email;

/// <summary>Where one outbox email stands, for operators and tests.</summary>
[GenerateSerializer, Immutable, Alias("EmailDelivery")]
public sealed record EmailDelivery(
    [property: Id(0)] EmailStatus Status,
    [property: Id(1)] int Attempts,
    [property: Id(2)] DateTimeOffset? NextAttemptAt,
    [property: Id(3)] string? LastError);
