namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>Who a user is.</summary>
/// <param name="Id">The user.</param>
/// <param name="Email">The address they signed in with.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="SessionStamp">
/// Changes when every session must end (the address proven for the first time, "sign out everywhere"):
/// a session carrying another stamp is signed out.
/// </param>
/// <param name="AddressProven">Whether someone opened a link emailed to the address.</param>
[GenerateSerializer, Immutable, Alias("UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] UserId Id,
    [property: Id(1)] string Email,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] Guid SessionStamp = default,
    [property: Id(4)] bool AddressProven = false);
