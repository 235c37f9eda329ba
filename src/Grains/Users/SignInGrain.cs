using ChatbotOrleans.Grains.Abstractions;
using Orleans.Concurrency;

namespace ChatbotOrleans.Grains.Users;

[StatelessWorker]
public sealed class SignInGrain : Grain, ISignInGrain
{
    /// <summary>Room to spare: the longest network name the web tier makes is an IPv6 /64 of 24 characters.</summary>
    public const int MaxNetworkLength = 64;

    public Task<SignInResult> SignInAsync(string email, string network)
    {
        // A caller's bug, not the user's input: the frontend always names the network.
        if (string.IsNullOrWhiteSpace(network) || network.Length > MaxNetworkLength)
        {
            throw new ArgumentException($"The client network must be 1 to {MaxNetworkLength} characters, not blank.", nameof(network));
        }

        return SignInCountedAsync(email, network, GrainFactory.GetGrain<ISignInNetworkGrain>(network));
    }

    private async Task<SignInResult> SignInCountedAsync(string email, string network, ISignInNetworkGrain networkLimit)
    {
        var (address, error) = EmailAddressRules.Normalize(email);
        if (address is null)
        {
            return new SignInResult(null, error);
        }

        // Only a sign-in that may send an email counts; a mistyped address costs the network nothing.
        if (await networkLimit.TryTakeAsync() is { } refusal)
        {
            return new SignInResult(null, refusal);
        }

        return await GrainFactory.GetGrain<IAccountGrain>(address).SignInAsync(network);
    }

    public async Task<SignInResult> RedeemLinkAsync(string token)
    {
        if (SignInLinkToken.KeyFor(token) is not { } key)
        {
            return new SignInResult(null, SignInLinkRules.Unknown);
        }

        var outcome = await GrainFactory.GetGrain<ISignInLinkGrain>(key).RedeemAsync();
        if (outcome.User is not { } user)
        {
            return new SignInResult(null, outcome.Error);
        }

        // Opening the link proves the address: the first time, every earlier session ends (see ProveAddressAsync).
        var profile = await GrainFactory.GetGrain<IUserConversations>(user.Value).ProveAddressAsync();
        return profile is null ? new SignInResult(null, SignInLinkRules.Unknown) : new SignInResult(profile, null);
    }
}
