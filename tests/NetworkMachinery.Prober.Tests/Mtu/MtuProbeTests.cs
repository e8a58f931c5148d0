using System.Net;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Probes;
using NetworkMachinery.Prober.Probes.Mtu;
using NetworkMachinery.Prober.Tests.Support.L7;
using Verdict = NetworkMachinery.Contracts.ProbeResult.Types.Verdict;

namespace NetworkMachinery.Prober.Tests.Mtu;

/// <summary>
/// The path MTU probe from a client namespace through a forwarding router whose link to the server has an MTU of
/// 1280, while the client's own link has 1500.
/// </summary>
public sealed class MtuProbeTests : IAsyncLifetime
{
    private RoutedPath _path = null!;

    public async Task InitializeAsync() => _path = await RoutedPath.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_path is not null)
        {
            await _path.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ipv4_ThroughTheNarrowLink_MeasuresItsMtu()
    {
        var result = await ProbeAsync(RoutedPath.ServerV4);

        Assert.Equal(Verdict.Reachable, result.Verdict);
        Assert.Equal((uint)RoutedPath.NarrowMtu, result.PathMtu);
        Assert.True(result.Received > 0);
        Assert.True(result.Sent > result.Received, "sizes above the narrow link were sent and went unanswered");
    }

    [Fact]
    public async Task Ipv6_ThroughTheNarrowLink_MeasuresItsMtu()
    {
        // IPv6's minimum MTU is 1280 itself: make the narrow link wider than that first.
        await _path.Router.IpAsync(["link", "set", "dev", "right", "mtu", "1400"]);
        await _path.Server.IpAsync(["link", "set", "dev", "eth0", "mtu", "1400"]);

        var result = await ProbeAsync(RoutedPath.ServerV6);

        Assert.Equal(Verdict.Reachable, result.Verdict);
        Assert.Equal(1400u, result.PathMtu);
    }

    [Fact]
    public async Task NextHop_OverTheWideLink_IsTheInterfaceMtu()
    {
        var v4 = await ProbeAsync(RoutedPath.RouterV4);
        var v6 = await ProbeAsync(RoutedPath.RouterV6);

        Assert.Equal((uint)RoutedPath.WideMtu, v4.PathMtu);
        Assert.Equal((uint)RoutedPath.WideMtu, v6.PathMtu);
    }

    [Fact]
    public async Task SecondRun_MeasuresAgainInsteadOfTrustingTheKernelsCache()
    {
        await ProbeAsync(RoutedPath.ServerV4);
        await _path.Router.IpAsync(["link", "set", "dev", "right", "mtu", "1400"]);
        await _path.Server.IpAsync(["link", "set", "dev", "eth0", "mtu", "1400"]);

        var result = await ProbeAsync(RoutedPath.ServerV4);

        Assert.Equal(1400u, result.PathMtu);
    }

    [Fact]
    public async Task SilentDestination_IsATimeout()
    {
        // An address on the server's subnet that nobody has: the router's neighbour lookup fails silently or with
        // host unreachable, depending on timing; either way nothing is measured.
        var result = await ProbeAsync(IPAddress.Parse("10.60.3.9"));

        Assert.Contains(result.Verdict, new[] { Verdict.Timeout, Verdict.Unreachable });
        Assert.Equal(0u, result.PathMtu);
        Assert.Equal(0u, result.Received);
    }

    [Fact]
    public async Task NotAnAddress_IsAnError()
    {
        var result = new ProbeResult();

        await new MtuProbe().RunAsync(Request("web.svc.test"), result, CancellationToken.None);

        Assert.Equal(Verdict.Error, result.Verdict);
        Assert.Contains("IP address", result.ErrorReason, StringComparison.Ordinal);
    }

    private async Task<ProbeResult> ProbeAsync(IPAddress destination)
    {
        var result = new ProbeResult();
        await new MtuProbe().RunAsync(Request(destination.ToString()), result, CancellationToken.None);
        return result;
    }

    private ProbeRequest Request(string address) => new()
    {
        Sockets = _path.ClientSockets,
        Target = new ProbeResult.Types.Destination { Kind = ProbeResult.Types.Destination.Types.Kind.Ip, Name = address, Address = address },
        Timeout = TimeSpan.FromSeconds(1),
    };
}
