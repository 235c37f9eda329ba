namespace ChatbotOrleans.Grains.Users;

/// <summary>A sign-in link an account sent, remembered so that its rows can be deleted once it expired.</summary>
/// <param name="Link">The key of its <see cref="ISignInLinkGrain"/>.</param>
/// <param name="Email">The id of the outbox email that carried it.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
[GenerateSerializer, Immutable, Alias("IssuedLink")]
public sealed record IssuedLink(
    [property: Id(0)] Guid Link,
    [property: Id(1)] Guid Email,
    [property: Id(2)] DateTimeOffset ExpiresAt);
