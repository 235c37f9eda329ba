namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>
/// The entry point of sign-in: checks and normalises the address, then finds or creates its user.
/// A stateless worker; call it with key 0.
/// </summary>
[Alias("ISignInGrain")]
public interface ISignInGrain : IGrainWithIntegerKey
{
    /// <summary>Signs in with an email address as typed.</summary>
    Task<SignInResult> SignInAsync(string email);
}
