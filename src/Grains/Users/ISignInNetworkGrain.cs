namespace ChatbotOrleans.Grains.Users;

/// <summary>
/// The sign-ins asked for from one client network, keyed by the network as the web tier names it (an IPv4
/// address, an IPv6 /64 such as <c>2001:db8:1:2::/64</c>, or <c>unknown</c>). One activation in the cluster
/// counts what every frontend replica lets through from that network.
/// </summary>
[Alias("ISignInNetworkGrain")]
public interface ISignInNetworkGrain : IGrainWithStringKey
{
    /// <summary>Counts one sign-in from the network.</summary>
    /// <returns><c>null</c> when it may go ahead; otherwise the sentence that refuses it, saying how long to wait.</returns>
    Task<string?> TryTakeAsync();
}
