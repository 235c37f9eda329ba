namespace ChatbotOrleans.Grains.Email;

/// <summary>An email the outbox gave up on, as listed to operators. Never renumber an [Id].</summary>
[GenerateSerializer, Immutable, Alias("UndeliveredEmail")]
public sealed record UndeliveredEmail(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string To,
    [property: Id(2)] string Subject,
    [property: Id(3)] int Attempts,
    [property: Id(4)] DateTimeOffset FailedAt,
    [property: Id(5)] string Reason);
