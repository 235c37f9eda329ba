namespace ChatbotOrleans.Grains.Email;

/// <summary>One email to one recipient, with a plain-text and an HTML body. Stored in the outbox: never renumber an [Id].</summary>
[GenerateSerializer, Immutable, Alias("EmailMessage")]
public sealed record EmailMessage(
    [property: Id(0)] string To,
    [property: Id(1)] string Subject,
    [property: Id(2)] string TextBody,
    [property: Id(3)] string HtmlBody);
