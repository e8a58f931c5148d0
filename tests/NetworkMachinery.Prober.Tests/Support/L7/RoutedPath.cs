using System.Net;
using NetworkMachinery.Testing.Netns;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Prober.Tests.Support.L7;

/// <summary>
/// Three namespaces of our own in a line, IPv4 and IPv6: a client, a forwarding router, and a server behind a link
/// whose MTU is <see cref="NarrowMtu"/> while the client's link keeps 1500. Disposing deletes all three and their veth
/// pairs.
/// </summary>
internal sealed class RoutedPath : IAsyncDisposable
{
    public const int WideMtu = 1500;
    public const int NarrowMtu = 1280;

    private RoutedPath(NetworkNamespace client, NetworkNamespace router, NetworkNamespace server)
    {
        Client = client;
        Router = router;
        Server = server;
    }

    public static IPAddress RouterV4 { get; } = IPAddress.Parse("10.60.1.2");

    public static IPAddress ServerV4 { get; } = IPAddress.Parse("10.60.2.1");

    public static IPAddress RouterV6 { get; } = IPAddress.Parse("fd60:1::2");

    public static IPAddress ServerV6 { get; } = IPAddress.Parse("fd60:2::1");

    public NetworkNamespace Client { get; }

    public NetworkNamespace Router { get; }

    public NetworkNamespace Server { get; }

    public NamespaceSockets ClientSockets => new(Client);

    public static async Task<RoutedPath> CreateAsync()
    {
        var created = new List<NetworkNamespace>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                created.Add(await NetworkNamespace.CreateAsync());
            }

            var path = new RoutedPath(created[0], created[1], created[2]);
            await path.WireAsync();
            return path;
        }
        catch
        {
            foreach (var ns in created)
            {
                await ns.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Router.DisposeAsync();
        await Client.DisposeAsync();
    }

    private async Task WireAsync()
    {
        await Client.CreateVethPairAsync("eth0", Router, "left");
        await Router.CreateVethPairAsync("right", Server, "eth0");
        await Router.IpAsync(["link", "set", "dev", "right", "mtu", NarrowMtu.ToString()]);
        await Server.IpAsync(["link", "set", "dev", "eth0", "mtu", NarrowMtu.ToString()]);
        await Client.AddAddressAsync("eth0", IPAddress.Parse("10.60.1.1"), 24);
        await Client.AddAddressAsync("eth0", IPAddress.Parse("fd60:1::1"), 64);
        await Router.AddAddressAsync("left", RouterV4, 24);
        await Router.AddAddressAsync("left", RouterV6, 64);
        await Router.AddAddressAsync("right", IPAddress.Parse("10.60.2.2"), 24);
        await Router.AddAddressAsync("right", IPAddress.Parse("fd60:2::2"), 64);
        await Server.AddAddressAsync("eth0", ServerV4, 24);
        await Server.AddAddressAsync("eth0", ServerV6, 64);
        foreach (var (ns, device) in new[] { (Client, "eth0"), (Router, "left"), (Router, "right"), (Server, "eth0") })
        {
            await ns.SetLinkUpAsync(device);
        }

        await Router.ExecAsync("sysctl", ["-q", "-w", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1"]);
        await Client.IpAsync(["route", "add", "default", "via", RouterV4.ToString()]);
        await Client.IpAsync(["-6", "route", "add", "default", "via", RouterV6.ToString()]);
        await Server.IpAsync(["route", "add", "default", "via", "10.60.2.2"]);
        await Server.IpAsync(["-6", "route", "add", "default", "via", "fd60:2::2"]);

        // Neighbour discovery and the router's switch to forwarding take a moment; the tests measure a settled path.
        foreach (var address in new[] { ServerV4, ServerV6 })
        {
            var answered = false;
            for (var i = 0; i < 20 && !answered; i++)
            {
                var ping = await Client.ExecAsync("ping", ["-c", "1", "-W", "1", address.ToString()], new ProcessOptions { ThrowOnFailure = false });
                answered = ping.Succeeded;
            }

            if (!answered)
            {
                throw new InvalidOperationException($"{address} does not answer ping through the router");
            }
        }
    }
}
