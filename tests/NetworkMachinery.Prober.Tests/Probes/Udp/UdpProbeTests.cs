using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Probes.Udp;
using NetworkMachinery.Prober.Tests.Support;
using Verdict = NetworkMachinery.Contracts.ProbeResult.Types.Verdict;

namespace NetworkMachinery.Prober.Tests.Probes.Udp;

[Collection(ProbeNetworkTests.Collection)]
public sealed class UdpProbeTests(ProbeScenario scenario)
{
    [Theory]
    [InlineData(false, 56)]
    [InlineData(true, 56)]
    [InlineData(false, 1200)]
    [InlineData(true, 0)]
    public async Task Run_EchoServer_Reachable(bool ipv6, int payloadSize)
    {
        var result = await RunAsync(ipv6, ProbeScenario.Ports.UdpEcho, count: 3, payloadSize: payloadSize);

        Assert.Equal(Verdict.Reachable, result.Verdict);
        Assert.Equal(3u, result.Sent);
        Assert.Equal(3u, result.Received);
        Assert.InRange(result.RttMinNs, 1ul, result.RttMaxNs);
    }

    [Theory]
    [InlineData(false, ProbeScenario.Ports.UdpClosed, Verdict.Refused, "refused")]
    [InlineData(true, ProbeScenario.Ports.UdpClosed, Verdict.Refused, "refused")]
    [InlineData(false, ProbeScenario.Ports.UdpDropped, Verdict.Timeout, "no reply within 500ms")]
    [InlineData(true, ProbeScenario.Ports.UdpDropped, Verdict.Timeout, "no reply within 500ms")]
    [InlineData(false, ProbeScenario.Ports.UdpHostUnreachable, Verdict.Unreachable, "unreachable")]
    [InlineData(true, ProbeScenario.Ports.UdpHostUnreachable, Verdict.Unreachable, "unreachable")]
    [InlineData(false, ProbeScenario.Ports.UdpProhibited, Verdict.Unreachable, "")]
    [InlineData(true, ProbeScenario.Ports.UdpProhibited, Verdict.Unreachable, "prohibited")]
    public async Task Run_BlockedOrClosedPort_VerdictTellsWhy(bool ipv6, int port, Verdict verdict, string reason)
    {
        var result = await RunAsync(ipv6, port, timeout: TimeSpan.FromMilliseconds(500));

        Assert.Equal(verdict, result.Verdict);
        Assert.Contains(reason, result.ErrorReason, StringComparison.Ordinal);
        Assert.NotEqual("", result.ErrorReason);
        Assert.Equal(1u, result.Sent);
        Assert.Equal(0u, result.Received);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_NoRouteFromSource_Unreachable(bool ipv6)
    {
        var result = await Probing.RunAsync(new UdpProbe(), scenario.Source.Sockets(scenario.Switcher), ProbeScenario.NoRoute(ipv6), 53);

        Assert.Equal(Verdict.Unreachable, result.Verdict);
        Assert.Equal("network unreachable", result.ErrorReason);
    }

    private Task<ProbeResult> RunAsync(bool ipv6, int port, int count = 1, TimeSpan? timeout = null, int payloadSize = 56) =>
        Probing.RunAsync(
            new UdpProbe(), scenario.Source.Sockets(scenario.Switcher), scenario.Servers.Address(ipv6), port, count,
            timeout: timeout, payloadSize: payloadSize);
}
