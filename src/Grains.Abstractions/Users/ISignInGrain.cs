namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>
/// The entry point of sign-in: checks and normalises the address, then finds or creates its user.
/// A stateless worker; call it with key 0.
/// </summary>
[Alias("ISignInGrain")]
public interface ISignInGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Signs in with an email address as typed. A new address signs in at once; an address that already
    /// has an account gets a one-time link by email instead (the result says <see cref="SignInResult.LinkSent"/>).
    /// </summary>
    Task<SignInResult> SignInAsync(string email);

    /// <summary>Signs in with the token of an emailed link; it works once and until it expires.</summary>
    Task<SignInResult> RedeemLinkAsync(string token);
}
