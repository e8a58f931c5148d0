using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Probes.Tcp;
using NetworkMachinery.Prober.Tests.Support;
using Verdict = NetworkMachinery.Contracts.ProbeResult.Types.Verdict;

namespace NetworkMachinery.Prober.Tests.Probes.Tcp;

[Collection(ProbeNetworkTests.Collection)]
public sealed class TcpProbeTests(ProbeScenario scenario)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_Listener_ReachableWithConnectTimes(bool ipv6)
    {
        var result = await RunAsync(ipv6, ProbeScenario.Ports.TcpOpen, count: 3);

        Assert.Equal(Verdict.Reachable, result.Verdict);
        Assert.Equal("", result.ErrorReason);
        Assert.Equal(3u, result.Sent);
        Assert.Equal(3u, result.Received);
        Assert.Equal(0, result.LossPercent);
        Assert.InRange(result.RttMinNs, 1ul, result.RttAvgNs);
        Assert.InRange(result.RttMaxNs, result.RttAvgNs, (ulong)TimeSpan.FromSeconds(5).TotalNanoseconds);
    }

    // Linux aborts an IPv4 connect at the first ICMP error, an IPv6 one only at the error about the SYN's
    // retransmission (1 s later): the unreachable cases wait 3 s.
    [Theory]
    [InlineData(false, ProbeScenario.Ports.TcpClosed, Verdict.Refused, "refused", 500)]
    [InlineData(true, ProbeScenario.Ports.TcpClosed, Verdict.Refused, "refused", 500)]
    [InlineData(false, ProbeScenario.Ports.TcpDropped, Verdict.Timeout, "no reply within 500ms", 500)]
    [InlineData(true, ProbeScenario.Ports.TcpDropped, Verdict.Timeout, "no reply within 500ms", 500)]
    [InlineData(false, ProbeScenario.Ports.TcpHostUnreachable, Verdict.Unreachable, "unreachable", 3000)]
    [InlineData(true, ProbeScenario.Ports.TcpHostUnreachable, Verdict.Unreachable, "unreachable", 3000)]
    [InlineData(false, ProbeScenario.Ports.TcpProhibited, Verdict.Unreachable, "", 3000)]
    [InlineData(true, ProbeScenario.Ports.TcpProhibited, Verdict.Unreachable, "prohibited", 3000)]
    public async Task Run_BlockedOrClosedPort_VerdictTellsWhy(bool ipv6, int port, Verdict verdict, string reason, int timeoutMs)
    {
        var result = await RunAsync(ipv6, port, timeout: TimeSpan.FromMilliseconds(timeoutMs));

        Assert.Equal(verdict, result.Verdict);
        Assert.Contains(reason, result.ErrorReason, StringComparison.Ordinal);
        Assert.NotEqual("", result.ErrorReason);
        Assert.Equal(1u, result.Sent);
        Assert.Equal(0u, result.Received);
        Assert.Equal(100, result.LossPercent);
        Assert.Equal(0ul, result.RttAvgNs);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_NoRouteFromSource_Unreachable(bool ipv6)
    {
        var result = await Probing.RunAsync(new TcpProbe(), scenario.Source.Sockets(scenario.Switcher), ProbeScenario.NoRoute(ipv6), 80);

        Assert.Equal(Verdict.Unreachable, result.Verdict);
        Assert.Equal("network unreachable", result.ErrorReason);
    }

    [Fact]
    public async Task Run_NoPort_Error()
    {
        var result = await Probing.RunAsync(new TcpProbe(), scenario.Source.Sockets(scenario.Switcher), scenario.Servers.V4);

        Assert.Equal(Verdict.Error, result.Verdict);
        Assert.Contains("port 0", result.ErrorReason, StringComparison.Ordinal);
    }

    private Task<ProbeResult> RunAsync(bool ipv6, int port, int count = 1, TimeSpan? timeout = null) =>
        Probing.RunAsync(
            new TcpProbe(), scenario.Source.Sockets(scenario.Switcher), scenario.Servers.Address(ipv6), port, count, timeout: timeout);
}
