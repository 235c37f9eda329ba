using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Users;

/// <summary>The account of one email address, keyed by the normalised address; maps it to its user.</summary>
[Alias("IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// The first sign-in creates the user (a session on probation until the address is proven), queues the
    /// welcome email with a link and signs in; a later one emails a one-time sign-in link instead and says so.
    /// </summary>
    /// <param name="network">The client network asking, as the web tier names it: the limit per address counts per network.</param>
    Task<SignInResult> SignInAsync(string network);

    /// <summary>Deletes the account with its links and emails (the user's own data is the user grain's). Idempotent.</summary>
    Task ForgetAsync();
}
