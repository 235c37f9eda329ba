using ChatbotOrleans.Grains.Abstractions;
using ChatbotOrleans.Silo.Usage;
using ChatbotOrleans.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Shouldly;

namespace ChatbotOrleans.Grains.Tests;

/// <summary><c>silo usage</c> names users by the address in their stored state, read with no silo's help.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UserAddressesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_users_address_is_read_from_their_stored_state_and_a_deleted_or_unknown_user_has_none()
    {
        var serviceId = fixture.Client.ServiceProvider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
        var (ana, anaAddress) = await SignedInAsync();
        var (ben, _) = await SignedInAsync();
        var unknown = Guid.NewGuid();
        await fixture.Client.GetGrain<IUserGrain>(ben.Value).DeleteAccountAsync();

        var addresses = await UserAddresses.ReadAsync(fixture.ConnectionString, serviceId, [ana.Value, ben.Value, unknown], TestContext.Current.CancellationToken);
        var otherService = await UserAddresses.ReadAsync(fixture.ConnectionString, "another-service", [ana.Value], TestContext.Current.CancellationToken);

        addresses.ShouldBe(new Dictionary<Guid, string> { [ana.Value] = anaAddress });
        otherService.ShouldBeEmpty("grain state is keyed by the service id too");
    }

    private async Task<(UserId User, string Address)> SignedInAsync()
    {
        var address = $"usage-{Guid.NewGuid():N}@example.com";
        var result = await fixture.Client.GetGrain<ISignInGrain>(0).SignInAsync(address, TestNetworks.Unique());
        return (result.User!.Id, address);
    }
}
