using System.Diagnostics;
using System.Net.Sockets;
using NetworkMachinery.Prober.Namespaces;
using NetworkMachinery.Prober.Probes.Icmp;
using NetworkMachinery.Prober.Tests.Support;
using NetworkMachinery.Testing.Polling;
using Verdict = NetworkMachinery.Contracts.ProbeResult.Types.Verdict;

namespace NetworkMachinery.Prober.Tests.Probes.Icmp;

/// <summary>
/// The echo socket that all ICMP probes from one namespace share, in a pod network of the test's own: pod 0 probes,
/// pods 1 and 2 answer, pod 3 drops echo requests, pod 4 rejects them as host unreachable (nftables).
/// </summary>
public sealed class SharedEchoSocketTests : IAsyncLifetime
{
    private readonly NamespaceSwitcher _switcher = new();
    private PodNetwork? _network;

    private Pod Source => _network!.Pods[0];

    private IReadOnlyList<Pod> Answering => [_network!.Pods[1], _network.Pods[2]];

    private Pod Dropping => _network!.Pods[3];

    private Pod Rejecting => _network!.Pods[4];

    public async Task InitializeAsync()
    {
        _network = await PodNetwork.CreateAsync(5);
        await Dropping.FirewallAsync("icmp type echo-request drop", "icmpv6 type echo-request drop");
        await Rejecting.FirewallAsync(
            "icmp type echo-request reject with icmpx type host-unreachable",
            "icmpv6 type echo-request reject with icmpx type host-unreachable");
    }

    public async Task DisposeAsync()
    {
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }

        _switcher.Dispose();
    }

    [Fact]
    public async Task Run_ConcurrentEchoesToSeveralTargets_EachGetsItsOwnAnswerOverOneSocketPerFamily()
    {
        using var probe = new IcmpProbe();
        var sockets = Source.Sockets(_switcher);
        var targets = new[] { false, true }
            .SelectMany(ipv6 => Answering.Concat([Dropping, Rejecting]).Select(pod => (Pod: pod, Address: pod.Address(ipv6))))
            .ToList();

        var results = await Task.WhenAll(targets.SelectMany(target => Enumerable.Range(0, 4).Select(async _ =>
            (target.Pod, Result: await Probing.RunAsync(probe, sockets, target.Address, count: 3, timeout: TimeSpan.FromSeconds(2))))));

        Assert.All(results.Where(r => Answering.Contains(r.Pod)), r => Assert.Equal((Verdict.Reachable, 3u, 3u), (r.Result.Verdict, r.Result.Sent, r.Result.Received)));
        Assert.All(results.Where(r => r.Pod == Dropping), r => Assert.Equal((Verdict.Timeout, 0u), (r.Result.Verdict, r.Result.Received)));
        Assert.All(results.Where(r => r.Pod == Rejecting), r =>
        {
            Assert.Equal((Verdict.Unreachable, 0u), (r.Result.Verdict, r.Result.Received));
            Assert.Matches($"^ICMP (host unreachable|address unreachable) from ({Rejecting.V4}|{Rejecting.V6})$", r.Result.ErrorReason);
        });
        Assert.Equal(2, probe.Sockets.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_ReceiveLoopFails_WaitersFailAtOnceWithTheReasonAndTheNextProbeGetsANewSocket(bool ipv6)
    {
        using var probe = new IcmpProbe();
        var sockets = Source.Sockets(_switcher);
        var family = ipv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        var stopwatch = Stopwatch.StartNew();
        var waiting = Probing.RunAsync(probe, sockets, Dropping.Address(ipv6), timeout: TimeSpan.FromSeconds(30));
        Assert.True(await Poll.UntilAsync(() => probe.Sockets.Find(sockets, family) is { Waiting: > 0 }, TimeSpan.FromSeconds(10)));
        var broken = probe.Sockets.Find(sockets, family)!;

        // Closed under the receive loop: the loop's receive fails, as it would if the socket broke.
        broken.Socket.Dispose();
        var result = await waiting;

        Assert.Equal(Verdict.Error, result.Verdict);
        Assert.StartsWith($"the ICMP echo socket of {sockets.Description} failed: its receive loop stopped:", result.ErrorReason, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"the waiter was held {stopwatch.Elapsed} instead of failing at once");
        Assert.True(broken.Failed);

        var next = await Probing.RunAsync(probe, sockets, Answering[0].Address(ipv6), count: 2);
        Assert.Equal((Verdict.Reachable, 2u), (next.Verdict, next.Received));
        Assert.NotSame(broken, probe.Sockets.Find(sockets, family));
    }

    [Fact]
    public async Task Run_SocketUnusedForTheIdleTime_ClosedAndReopenedForTheNextProbe()
    {
        using var probe = new IcmpProbe(socketIdleTime: TimeSpan.FromMilliseconds(200));
        var sockets = Source.Sockets(_switcher);

        var first = await Probing.RunAsync(probe, sockets, Answering[0].V4);
        var opened = probe.Sockets.Find(sockets, AddressFamily.InterNetwork);
        Assert.True(await Poll.UntilAsync(() => probe.Sockets.Count == 0, TimeSpan.FromSeconds(10)));
        var second = await Probing.RunAsync(probe, sockets, Answering[1].V4);

        Assert.Equal(Verdict.Reachable, first.Verdict);
        Assert.NotNull(opened);
        Assert.Equal(Verdict.Reachable, second.Verdict);
        Assert.NotSame(opened, probe.Sockets.Find(sockets, AddressFamily.InterNetwork));
    }

    [Fact]
    public async Task Dispose_WhileAnEchoWaits_TheEchoFailsAtOnceAndTheSocketIsClosed()
    {
        var probe = new IcmpProbe();
        var sockets = Source.Sockets(_switcher);
        var waiting = Probing.RunAsync(probe, sockets, Dropping.V4, timeout: TimeSpan.FromSeconds(30));
        Assert.True(await Poll.UntilAsync(() => probe.Sockets.Find(sockets, AddressFamily.InterNetwork) is { Waiting: > 0 }, TimeSpan.FromSeconds(10)));
        var socket = probe.Sockets.Find(sockets, AddressFamily.InterNetwork)!;

        probe.Dispose();
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Verdict.Error, result.Verdict);
        Assert.EndsWith("failed: the prober closed the socket", result.ErrorReason, StringComparison.Ordinal);
        Assert.Equal(0, probe.Sockets.Count);
        Assert.Throws<ObjectDisposedException>(() => socket.Socket.Available);
    }
}
