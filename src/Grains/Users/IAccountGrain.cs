using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Users;

/// <summary>The account of one email address, keyed by the normalised address; maps it to its user.</summary>
[Alias("IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// The first sign-in creates the user, queues the welcome email and signs in; a later one emails a
    /// one-time sign-in link instead and says so.
    /// </summary>
    Task<SignInResult> SignInAsync();
}
