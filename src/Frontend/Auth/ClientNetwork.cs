using System.Net;
using System.Net.Sockets;

namespace ChatbotOrleans.Frontend.Auth;

/// <summary>
/// Names the network a request comes from, for the cluster's sign-in limit per network. Behind Traefik the
/// client's address comes from <c>X-Forwarded-For</c> (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>): the
/// proxy's own entry, the last one, so an address the client wrote itself in the header counts for nothing.
/// </summary>
internal static class ClientNetwork
{
    /// <summary>The network of a request whose client address is not known: such requests count together.</summary>
    public const string Unknown = "unknown";

    /// <summary>An IPv4 address stands for itself; an IPv6 client usually has a whole /64 to pick addresses from.</summary>
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
