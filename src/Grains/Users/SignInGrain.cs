using ChatbotOrleans.Grains.Abstractions;
using Orleans.Concurrency;

namespace ChatbotOrleans.Grains.Users;

[StatelessWorker]
public sealed class SignInGrain : Grain, ISignInGrain
{
    public async Task<SignInResult> SignInAsync(string email)
    {
        var (address, error) = EmailAddressRules.Normalize(email);
        if (address is null)
        {
            return new SignInResult(null, error);
        }

        return await GrainFactory.GetGrain<IAccountGrain>(address).SignInAsync();
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

        var profile = await GrainFactory.GetGrain<IUserGrain>(user.Value).GetProfileAsync();
        return profile is null ? new SignInResult(null, SignInLinkRules.Unknown) : new SignInResult(profile, null);
    }
}
