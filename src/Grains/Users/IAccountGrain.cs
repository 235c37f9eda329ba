using ChatbotOrleans.Grains.Abstractions;

namespace ChatbotOrleans.Grains.Users;

/// <summary>The account of one email address, keyed by the normalised address; maps it to its user.</summary>
[Alias("IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Returns the address's user, creating it on the first sign-in.</summary>
    Task<UserProfile> SignInAsync();
}
