using System.Globalization;
using System.Text.RegularExpressions;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Probes.Icmp;
using NetworkMachinery.Prober.Tests.Support;
using NetworkMachinery.Testing.Traffic;
using Verdict = NetworkMachinery.Contracts.ProbeResult.Types.Verdict;

namespace NetworkMachinery.Prober.Tests.Probes.Icmp;

[Collection(ProbeNetworkTests.Collection)]
public sealed partial class IcmpProbeTests(ProbeScenario scenario)
{
    [Theory]
    [InlineData(false, 56)]
    [InlineData(true, 56)]
    [InlineData(false, 1400)]
    [InlineData(true, 0)]
    public async Task Run_AnsweringPod_ReachableWithRoundTrips(bool ipv6, int payloadSize)
    {
        var result = await RunAsync(scenario.Servers, ipv6, count: 4, payloadSize: payloadSize);

        Assert.Equal(Verdict.Reachable, result.Verdict);
        Assert.Equal("", result.ErrorReason);
        Assert.Equal(4u, result.Sent);
        Assert.Equal(4u, result.Received);
        Assert.Equal(0, result.LossPercent);
        Assert.InRange(result.RttMinNs, 1ul, result.RttAvgNs);
        Assert.InRange(result.RttAvgNs, result.RttMinNs, result.RttMaxNs);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_EchoDropped_TimeoutAllLost(bool ipv6)
    {
        var result = await RunAsync(scenario.Silent, ipv6, count: 2, timeout: TimeSpan.FromMilliseconds(500));

        Assert.Equal(Verdict.Timeout, result.Verdict);
        Assert.Equal("no reply within 500ms", result.ErrorReason);
        Assert.Equal(2u, result.Sent);
        Assert.Equal(0u, result.Received);
        Assert.Equal(100, result.LossPercent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_EchoRejected_UnreachableNamingTheSender(bool ipv6)
    {
        var result = await RunAsync(scenario.Rejecting, ipv6, count: 2);

        Assert.Equal(Verdict.Unreachable, result.Verdict);
        Assert.Equal($"ICMP administratively prohibited from {scenario.Rejecting.Address(ipv6)}", result.ErrorReason);
        Assert.Equal(0u, result.Received);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_NoRouteFromSource_Unreachable(bool ipv6)
    {
        using var probe = new IcmpProbe();
        var result = await Probing.RunAsync(probe, scenario.Source.Sockets(scenario.Switcher), ProbeScenario.NoRoute(ipv6));

        Assert.Equal(Verdict.Unreachable, result.Verdict);
        Assert.Equal("network unreachable", result.ErrorReason);
    }

    [Fact]
    public async Task Run_ConcurrentProbesToOneTarget_EachCountsOnlyItsOwnReplies()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RunAsync(scenario.Servers, ipv6: false, count: 3)));

        Assert.All(results, r => Assert.Equal((3u, 3u), (r.Sent, r.Received)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_SamePathAsPing_MinimumRoundTripClose(bool ipv6)
    {
        var target = scenario.Servers.Address(ipv6);
        var ping = await Ping.RunAsync(scenario.Source.Namespace, target, count: 10);
        var summary = PingSummary().Match(ping.StandardOutput);
        Assert.True(summary.Success, ping.StandardOutput);
        var pingMinMs = double.Parse(summary.Groups["min"].Value, CultureInfo.InvariantCulture);

        var result = await RunAsync(scenario.Servers, ipv6, count: 10, interval: TimeSpan.FromMilliseconds(200));

        // The kernel timestamps ping's replies; ours are read in user space, after a wake-up that a loaded machine can
        // delay. The minimum over 10 echoes filters such delays out; the margin stays generous.
        Assert.Equal(10u, result.Received);
        var ourMinMs = result.RttMinNs / 1e6;
        Assert.InRange(ourMinMs, 0.0005, pingMinMs + 10);
        Assert.InRange(pingMinMs, 0.0, ourMinMs + 10);
    }

    private async Task<ProbeResult> RunAsync(
        Pod target, bool ipv6, int count = 1, TimeSpan? interval = null, TimeSpan? timeout = null, int payloadSize = 56)
    {
        using var probe = new IcmpProbe();
        return await Probing.RunAsync(
            probe, scenario.Source.Sockets(scenario.Switcher), target.Address(ipv6), count: count, interval: interval,
            timeout: timeout, payloadSize: payloadSize);
    }

    [GeneratedRegex(@"= (?<min>[\d.]+)/(?<avg>[\d.]+)/(?<max>[\d.]+)/")]
    private static partial Regex PingSummary();
}
