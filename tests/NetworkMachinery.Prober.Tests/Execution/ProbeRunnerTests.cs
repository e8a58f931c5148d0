using System.Net;
using System.Net.Sockets;
using NetworkMachinery.Contracts;
using NetworkMachinery.Prober.Execution;
using NetworkMachinery.Prober.Namespaces;
using NetworkMachinery.Prober.Probes;
using NetworkMachinery.Prober.Probes.Icmp;
using NetworkMachinery.Prober.Probes.Mtu;
using NetworkMachinery.Prober.Probes.Tcp;
using NetworkMachinery.Prober.Probes.Udp;
using NetworkMachinery.Prober.Tests.Support;
using static NetworkMachinery.Prober.Tests.Support.ProbeScenario;
using Protocol = NetworkMachinery.Contracts.ProbeResult.Types.Destination.Types.Protocol;
using ProbeType = NetworkMachinery.Contracts.ProbeResult.Types.ProbeType;
using Verdict = NetworkMachinery.Contracts.ProbeResult.Types.Verdict;

namespace NetworkMachinery.Prober.Tests.Execution;

[Collection(ProbeNetworkTests.Collection)]
public sealed class ProbeRunnerTests(ProbeScenario scenario)
{
    private static readonly ProberOptions Options = new() { NodeName = "node-a" };

    [Fact]
    public async Task RunAsync_Layer4FromPod_ResultPerTargetWithItsVerdictAndIdentity()
    {
        var servers = scenario.Servers;
        var task = Tasks.From(
            scenario.Source,
            4,
            Tasks.Target(servers.V4, Ports.TcpOpen, Protocol.Tcp),
            Tasks.Target(servers.V6, Ports.TcpOpen, Protocol.Tcp),
            Tasks.Target(servers.V4, Ports.TcpClosed, Protocol.Tcp),
            Tasks.Target(servers.V4, Ports.UdpEcho, Protocol.Udp),
            Tasks.Target(servers.V6, Ports.UdpClosed, Protocol.Udp),
            Tasks.Target(servers.V4, Ports.UdpDropped, Protocol.Udp),
            Tasks.Target(servers.V4, Ports.TcpProhibited, Protocol.Tcp));
        using var runner = NewRunner();

        var results = await CollectAsync(runner, task);

        Assert.Equal(7, results.Count);
        var verdicts = results.ToDictionary(r => $"{r.ProbeType} {r.Destination.Address}:{r.Destination.Port}", r => r.Verdict);
        Assert.Equal(Verdict.Reachable, verdicts[$"Tcp {servers.V4}:{Ports.TcpOpen}"]);
        Assert.Equal(Verdict.Reachable, verdicts[$"Tcp {servers.V6}:{Ports.TcpOpen}"]);
        Assert.Equal(Verdict.Refused, verdicts[$"Tcp {servers.V4}:{Ports.TcpClosed}"]);
        Assert.Equal(Verdict.Reachable, verdicts[$"Udp {servers.V4}:{Ports.UdpEcho}"]);
        Assert.Equal(Verdict.Refused, verdicts[$"Udp {servers.V6}:{Ports.UdpClosed}"]);
        Assert.Equal(Verdict.Timeout, verdicts[$"Udp {servers.V4}:{Ports.UdpDropped}"]);
        Assert.Equal(Verdict.Unreachable, verdicts[$"Tcp {servers.V4}:{Ports.TcpProhibited}"]);
        Assert.All(results, result =>
        {
            Assert.Equal(task.Test, result.Test);
            Assert.Equal(task.RunId, result.RunId);
            Assert.Equal(scenario.Source.Namespace.Name, result.Source.PodName);
            Assert.Equal("node-a", result.Source.Node);
            Assert.Equal(scenario.Source.Address(IPAddress.Parse(result.Destination.Address).AddressFamily == AddressFamily.InterNetworkV6).ToString(), result.Source.Address);
            Assert.Equal(2u, result.Sent);
            Assert.InRange(result.StartedAtNs, 1ul, result.FinishedAtNs);
            Assert.Contains(task.Targets, t => t.Equals(result.Destination));
        });
    }

    [Fact]
    public async Task RunAsync_Layer3WithPathMtu_OneResultPerTarget_TheAnsweredOneCarriesItsPathMtu()
    {
        var task = Tasks.From(scenario.Source, 3, Tasks.Target(scenario.Servers.V4), Tasks.Target(scenario.Silent.V6));
        task.PathMtu = true;
        using var runner = NewRunner([new IcmpProbe(), new MtuProbe()]);

        var results = await CollectAsync(runner, task);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(ProbeType.Icmp, r.ProbeType));
        var answered = results.Single(r => r.Destination.Address == scenario.Servers.V4.ToString());
        Assert.Equal(Verdict.Reachable, answered.Verdict);
        Assert.Equal(1500u, answered.PathMtu);
        Assert.True(answered.RttAvgNs > 0);
        var silent = results.Single(r => r.Destination.Address == scenario.Silent.V6.ToString());
        Assert.Equal(Verdict.Timeout, silent.Verdict);
        Assert.Equal(0u, silent.PathMtu);
    }

    [Fact]
    public async Task RunAsync_Layer3WithPathMtuButNoMtuProbe_EchoResultsWithoutAPathMtu()
    {
        var task = Tasks.From(scenario.Source, 3, Tasks.Target(scenario.Servers.V4));
        task.PathMtu = true;
        using var runner = NewRunner();

        var result = Assert.Single(await CollectAsync(runner, task));

        Assert.Equal(Verdict.Reachable, result.Verdict);
        Assert.Equal(0u, result.PathMtu);
    }

    [Fact]
    public async Task RunAsync_SourceNamespaceMissing_ErrorPerTargetNamingThePod()
    {
        var task = Tasks.From(scenario.Source, 4, Tasks.Target(scenario.Servers.V4, Ports.TcpOpen, Protocol.Tcp), Tasks.Target(scenario.Servers.V4, Ports.UdpEcho, Protocol.Udp));
        task.Source.PodName = "nmt-gone-pod";
        using var runner = NewRunner();

        var results = await CollectAsync(runner, task);

        Assert.Equal(2, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal(Verdict.Error, r.Verdict);
            Assert.Contains("default/nmt-gone-pod", r.ErrorReason, StringComparison.Ordinal);
            Assert.Equal("", r.Source.Address);
            Assert.Equal(0u, r.Sent);
        });
    }

    [Fact]
    public async Task RunAsync_ProcResolverWithUnknownUid_ErrorPerTarget()
    {
        var task = Tasks.From(scenario.Source, 3, Tasks.Target(scenario.Servers.V4));
        using var runner = new ProbeRunner(Options, new ProcPodResolver(), scenario.Switcher, [new IcmpProbe()]);

        var result = Assert.Single(await CollectAsync(runner, task));

        Assert.Equal(Verdict.Error, result.Verdict);
        Assert.Contains(task.SourcePodUid, result.ErrorReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HostSource_ProbesFromTheProbersOwnNamespace()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var task = Tasks.From(scenario.Source, 4, Tasks.Target(IPAddress.Loopback, port, Protocol.Tcp));
        task.Source = new ProbeResult.Types.Source { Host = true };
        task.SourcePodUid = "";
        using var runner = NewRunner();

        var result = Assert.Single(await CollectAsync(runner, task));

        Assert.Equal(Verdict.Reachable, result.Verdict);
        Assert.True(result.Source.Host);
        Assert.Equal("node-a", result.Source.Node);
    }

    [Fact]
    public async Task RunAsync_BadTargets_ErrorsNotExceptions()
    {
        var task = Tasks.From(
            scenario.Source, 4, Tasks.Target(scenario.Servers.V4, Ports.TcpOpen), Tasks.Target(scenario.Servers.V4, Ports.TcpOpen, Protocol.Http));
        task.Targets.Add(new ProbeResult.Types.Destination { Kind = ProbeResult.Types.Destination.Types.Kind.Ip, Address = "not-an-ip", Port = 80, Protocol = Protocol.Tcp });
        using var runner = NewRunner();

        var results = await CollectAsync(runner, task);

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.Equal(Verdict.Error, r.Verdict));
        Assert.Contains(results, r => r.ErrorReason.Contains("has no protocol", StringComparison.Ordinal));
        Assert.Contains(results, r => r.ErrorReason == "this prober has no Http probe");
        Assert.Contains(results, r => r.ErrorReason == "'not-an-ip' is not an IP address");
    }

    [Fact]
    public async Task RunAsync_ProbeThatHangs_TimeoutWhileTheOthersFinish()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hanging = new ScriptedProbe(ProbeType.Http, _ => release.Task);
        var task = Tasks.From(
            scenario.Source, 4, Tasks.Target(scenario.Servers.V4, 80, Protocol.Http), Tasks.Target(scenario.Servers.V4, Ports.TcpOpen, Protocol.Tcp));
        task.Count = 1;
        task.TimeoutNs = 200_000_000;
        using var runner = new ProbeRunner(
            Options with { ProbeSlack = TimeSpan.FromMilliseconds(300) },
            new NamedNamespaceResolver(),
            scenario.Switcher,
            [new TcpProbe(), hanging]);
        try
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var results = new List<ProbeResult>();
            await foreach (var result in runner.RunAsync(task, guard.Token))
            {
                results.Add(result);
            }

            Assert.Equal(ProbeType.Tcp, results[0].ProbeType);
            Assert.Equal(Verdict.Reachable, results[0].Verdict);
            Assert.Equal(Verdict.Timeout, results[1].Verdict);
            Assert.Equal("the Http probe did not finish within 500ms", results[1].ErrorReason);
        }
        finally
        {
            release.SetResult();
        }
    }

    [Fact]
    public async Task RunAsync_ManyTargets_AtMostPodLimitAtOnce()
    {
        var slow = new ScriptedProbe(ProbeType.Tcp, async result =>
        {
            await Task.Delay(100);
            result.Verdict = Verdict.Reachable;
        });
        var targets = Enumerable.Range(1, 12).Select(i => Tasks.Target(scenario.Servers.V4, i, Protocol.Tcp)).ToArray();
        using var runner = new ProbeRunner(Options with { MaxConcurrentProbesPerPod = 3 }, new NamedNamespaceResolver(), scenario.Switcher, [slow]);

        var results = await CollectAsync(runner, Tasks.From(scenario.Source, 4, targets));

        Assert.Equal(12, results.Count);
        Assert.All(results, r => Assert.Equal(Verdict.Reachable, r.Verdict));
        Assert.InRange(slow.MostRunningAtOnce, 1, 3);
    }

    [Fact]
    public async Task RunAsync_TasksFromTwoPods_AtMostNodeLimitAtOnce()
    {
        var slow = new ScriptedProbe(ProbeType.Tcp, async result =>
        {
            await Task.Delay(100);
            result.Verdict = Verdict.Reachable;
        });
        ProbeTask TaskFrom(Pod pod) =>
            Tasks.From(pod, 4, [.. Enumerable.Range(1, 6).Select(i => Tasks.Target(scenario.Rejecting.V4, i, Protocol.Tcp))]);
        using var runner = new ProbeRunner(
            Options with { MaxConcurrentProbesPerNode = 2, MaxConcurrentProbesPerPod = 10 }, new NamedNamespaceResolver(), scenario.Switcher, [slow]);

        var results = await Task.WhenAll(CollectAsync(runner, TaskFrom(scenario.Source)), CollectAsync(runner, TaskFrom(scenario.Servers)));

        Assert.All(results, r => Assert.Equal(6, r.Count(p => p.Verdict == Verdict.Reachable)));
        Assert.InRange(slow.MostRunningAtOnce, 1, 2);
    }

    [Fact]
    public void Constructor_TwoProbesOfOneType_ArgumentException() =>
        Assert.Throws<ArgumentException>(() => new ProbeRunner(Options, new NamedNamespaceResolver(), scenario.Switcher, [new TcpProbe(), new TcpProbe()]));

    private ProbeRunner NewRunner(ITargetProbe[]? probes = null) =>
        new(Options, new NamedNamespaceResolver(), scenario.Switcher, probes ?? [new IcmpProbe(), new TcpProbe(), new UdpProbe()]);

    private static async Task<List<ProbeResult>> CollectAsync(ProbeRunner runner, ProbeTask task)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var results = new List<ProbeResult>();
        await foreach (var result in runner.RunAsync(task, guard.Token))
        {
            results.Add(result);
        }

        return results;
    }
}
