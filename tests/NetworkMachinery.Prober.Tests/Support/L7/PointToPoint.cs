using System.Net;
using NetworkMachinery.Testing.Netns;

namespace NetworkMachinery.Prober.Tests.Support.L7;

/// <summary>
/// Two network namespaces of our own joined by a veth pair (<c>eth0</c> in each): a client, where the probes' sockets
/// live, and a server, where the servers run. Fixed addresses are safe: they exist only inside these namespaces.
/// Disposing deletes both, and the veth pair with them.
/// </summary>
internal sealed class PointToPoint : IAsyncDisposable
{
    public const string Device = "eth0";

    private PointToPoint(NetworkNamespace client, NetworkNamespace server)
    {
        Client = client;
        Server = server;
    }

    public static IPAddress ClientV4 { get; } = IPAddress.Parse("10.53.0.1");

    public static IPAddress ServerV4 { get; } = IPAddress.Parse("10.53.0.2");

    public static IPAddress ClientV6 { get; } = IPAddress.Parse("fd53::1");

    public static IPAddress ServerV6 { get; } = IPAddress.Parse("fd53::2");

    public NetworkNamespace Client { get; }

    public NetworkNamespace Server { get; }

    public NamespaceSockets ClientSockets => new(Client);

    public static async Task<PointToPoint> CreateAsync(params IPAddress[] extraServerAddresses)
    {
        var client = await NetworkNamespace.CreateAsync();
        NetworkNamespace? server = null;
        try
        {
            server = await NetworkNamespace.CreateAsync();
            await client.CreateVethPairAsync(Device, server, Device);
            await client.AddAddressAsync(Device, ClientV4, 24);
            await client.AddAddressAsync(Device, ClientV6, 64);
            await server.AddAddressAsync(Device, ServerV4, 24);
            await server.AddAddressAsync(Device, ServerV6, 64);
            foreach (var address in extraServerAddresses)
            {
                await server.AddAddressAsync(Device, address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 24 : 64);
            }

            await client.SetLinkUpAsync(Device);
            await server.SetLinkUpAsync(Device);
            return new PointToPoint(client, server);
        }
        catch
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            await client.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Client.DisposeAsync();
    }
}
