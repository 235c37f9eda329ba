using System.Net;
using System.Net.Sockets;

namespace ChatbotOrleans.DevHost;

/// <summary>Finds TCP ports on loopback that nothing listens on.</summary>
public static class FreePort
{
    public static int Any()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The preferred port when it is free, otherwise any free one.</summary>
    public static int Prefer(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return port;
        }
        catch (SocketException)
        {
            return Any();
        }
    }
}
