using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ChatbotOrleans.LocalRun;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Ports;

public sealed class FreePortTests
{
    [Fact]
    public void A_free_port_is_below_the_kernel_s_ephemeral_range_where_outgoing_connections_cannot_take_it()
    {
        var ephemeralStart = int.Parse(
            File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0],
            CultureInfo.InvariantCulture);

        var ports = Enumerable.Range(0, 50).Select(_ => FreePort.Any()).ToList();

        ports.ShouldAllBe(port => port >= 10_000 && port < ephemeralStart, $"ephemeral range starts at {ephemeralStart}: {string.Join(", ", ports)}");
        using var listener = new TcpListener(IPAddress.Loopback, ports[^1]);
        listener.Start();
    }

    [Fact]
    public void One_process_never_hands_out_the_same_port_twice()
    {
        // Chosen but not yet bound, a port is free again for the next caller: two parallel tests starting silos once
        // both got 18485, and one silo exited with "address already in use". 2,000 random picks would repeat one.
        var ports = Enumerable.Range(0, 2_000).Select(_ => FreePort.Any()).ToList();

        ports.Distinct().Count().ShouldBe(ports.Count, string.Join(", ", ports.GroupBy(port => port).Where(g => g.Count() > 1).Select(g => g.Key)));
    }

    [Fact]
    public void A_taken_preferred_port_gives_another_free_one()
    {
        using var taken = new TcpListener(IPAddress.Loopback, FreePort.Any());
        taken.Start();
        var takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;

        var port = FreePort.Prefer(takenPort);

        port.ShouldNotBe(takenPort);
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
    }
}
