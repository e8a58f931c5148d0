using System.Net;
using NetworkMachinery.Prober.Namespaces;

namespace NetworkMachinery.Prober.Tests.Support;

/// <summary>
/// The pods the probe tests probe between, built once per test collection: <see cref="Source"/> probes;
/// <see cref="Servers"/> runs a TCP listener and a UDP echo on every port of <see cref="Ports"/> but the closed ones,
/// with nftables dropping or rejecting some; <see cref="Silent"/> drops echo requests, <see cref="Rejecting"/> rejects
/// them as administratively prohibited.
/// </summary>
public sealed class ProbeScenario : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _servers = [];
    private PodNetwork? _network;

    /// <summary>The namespace switcher of the tests.</summary>
    public NamespaceSwitcher Switcher { get; } = new();

    internal Pod Source => _network!.Pods[0];

    internal Pod Servers => _network!.Pods[1];

    internal Pod Silent => _network!.Pods[2];

    internal Pod Rejecting => _network!.Pods[3];

    /// <summary>An address no pod has a route to.</summary>
    public static IPAddress NoRoute(bool ipv6) => IPAddress.Parse(ipv6 ? "fd99::1" : "10.99.0.1");

    public async Task InitializeAsync()
    {
        _network = await PodNetwork.CreateAsync(4);
        foreach (var port in new[] { Ports.TcpOpen, Ports.TcpDropped, Ports.TcpHostUnreachable, Ports.TcpProhibited })
        {
            _servers.Add(PodTcpListener.Start(Servers, port));
        }

        foreach (var port in new[] { Ports.UdpEcho, Ports.UdpDropped, Ports.UdpHostUnreachable, Ports.UdpProhibited })
        {
            _servers.Add(PodUdpEcho.Start(Servers, port));
        }

        await Servers.FirewallAsync(
            $"tcp dport {Ports.TcpDropped} drop",
            $"tcp dport {Ports.TcpHostUnreachable} reject with icmpx type host-unreachable",
            $"tcp dport {Ports.TcpProhibited} reject with icmpx type admin-prohibited",
            $"udp dport {Ports.UdpDropped} drop",
            $"udp dport {Ports.UdpHostUnreachable} reject with icmpx type host-unreachable",
            $"udp dport {Ports.UdpProhibited} reject with icmpx type admin-prohibited");
        await Silent.FirewallAsync("icmp type echo-request drop", "icmpv6 type echo-request drop");
        await Rejecting.FirewallAsync(
            "icmp type echo-request reject with icmpx type admin-prohibited",
            "icmpv6 type echo-request reject with icmpx type admin-prohibited");
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        if (_network is not null)
        {
            await _network.DisposeAsync();
        }

        Switcher.Dispose();
    }

    /// <summary>The ports of <see cref="Servers"/>.</summary>
    public static class Ports
    {
        public const int TcpOpen = 7001;
        public const int TcpClosed = 7002;
        public const int TcpDropped = 7003;
        public const int TcpHostUnreachable = 7004;
        public const int TcpProhibited = 7005;
        public const int UdpEcho = 7101;
        public const int UdpClosed = 7102;
        public const int UdpDropped = 7103;
        public const int UdpHostUnreachable = 7104;
        public const int UdpProhibited = 7105;
    }
}
