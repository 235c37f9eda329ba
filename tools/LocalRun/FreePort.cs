using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChatbotOrleans.LocalRun;

/// <summary>Finds TCP ports on loopback that nothing listens on.</summary>
public static class FreePort
{
    private const int LowestPort = 10_000;

    // How many ports lie between LowestPort and the kernel's ephemeral range; the range is read once, as the cursor
    // walks a fixed span.
    private static readonly int Span = EphemeralRangeStart() - LowestPort;

    // The offset of the last port tried: set at random once, then moved on by one with every try.
    private static int _cursor = Random.Shared.Next(Span);

    /// <summary>
    /// A free port below the kernel's ephemeral range, never the same one twice in a process. A port the kernel
    /// hands out for port 0 comes from that range, which outgoing connections of every process on the machine also
    /// draw from: between our choosing it and the server binding it, a parallel test's connection could take it
    /// ("Address already in use"). Ports are taken in turn from a random start rather than at random, so that two
    /// parallel tests of one process never get the same port before either binds it, and two processes start far
    /// apart.
    /// </summary>
    public static int Any()
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var port = LowestPort + (int)((uint)Interlocked.Increment(ref _cursor) % (uint)Span);
            if (IsFree(port))
            {
                return port;
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The preferred port when it is free, otherwise any free one.</summary>
    public static int Prefer(int port) => IsFree(port) ? port : Any();

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Linux says where the range starts; elsewhere (and if unreadable) assume the IANA range's 49152.
    private static int EphemeralRangeStart()
    {
        try
        {
            var first = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0];
            var start = int.Parse(first, CultureInfo.InvariantCulture);
            return start > LowestPort + 1_000 ? start : 49_152;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 49_152;
        }
    }
}
