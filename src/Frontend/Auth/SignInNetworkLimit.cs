using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatbotOrleans.Frontend.Auth;

/// <summary>
/// The sliding one-hour window of sign-ins per client network, in this replica's memory. Behind Traefik the
/// client's address comes from <c>X-Forwarded-For</c> (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>): the
/// proxy's own entry, the last one, so an address the client wrote itself in the header counts for nothing.
/// </summary>
internal sealed class SignInNetworkLimit : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private const int Segments = 12;

    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInNetworkLimit(IOptions<SignInLimitOptions> options)
    {
        var permits = options.Value.MaxPerNetworkPerHour;
        _limiter = PartitionedRateLimiter.Create<string, string>(network => RateLimitPartition.GetSlidingWindowLimiter(
            network,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = Window,
                SegmentsPerWindow = Segments,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Counts one sign-in from the request's network.</summary>
    /// <returns><c>null</c> when it may go ahead; otherwise how long until the network may try again.</returns>
    public TimeSpan? TryTake(HttpContext httpContext)
    {
        using var lease = _limiter.AttemptAcquire(NetworkOf(httpContext.Connection.RemoteIpAddress));
        if (lease.IsAcquired)
        {
            return null;
        }

        // A sliding window frees permits segment by segment: the next one within a segment of the hour.
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window / Segments;
    }

    /// <summary>An IPv4 address stands for itself; an IPv6 client usually has a whole /64 to pick addresses from.</summary>
    internal static string NetworkOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
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

    public void Dispose() => _limiter.Dispose();
}
