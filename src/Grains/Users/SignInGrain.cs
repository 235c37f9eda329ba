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

        var user = await GrainFactory.GetGrain<IAccountGrain>(address).SignInAsync();
        return new SignInResult(user, null);
    }
}
