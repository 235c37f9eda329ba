namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>
/// The entry point of sign-in: checks and normalises the address, then finds or creates its user.
/// A stateless worker; call it with key 0.
/// </summary>
[Alias("ISignInGrain")]
public interface ISignInGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Signs in with an email address as typed, asked for from a client network. A new address signs in at
    /// once; an address that already has an account gets a one-time link by email instead (the result says
    /// <see cref="SignInResult.LinkSent"/>). Each sends an email, so both the address and the network have an
    /// hourly limit, counted across the cluster; a valid address over either gets an error saying how long to wait.
    /// </summary>
    /// <param name="email">The address as typed; it is trimmed and checked here.</param>
    /// <param name="network">
    /// Who asks, as the web tier names it: an IPv4 address, an IPv6 /64 (<c>2001:db8:1:2::/64</c>) or
    /// <c>unknown</c>; 1–64 characters.
    /// </param>
    Task<SignInResult> SignInAsync(string email, string network);

    /// <summary>Signs in with the token of an emailed link; it works once and until it expires.</summary>
    Task<SignInResult> RedeemLinkAsync(string token);
}
