using System.Text;
using NetworkMachinery.Prober.Execution;
using NetworkMachinery.Prober.Metrics;
using NetworkMachinery.Prober.Namespaces;
using NetworkMachinery.Prober.Probes.Tcp;
using NetworkMachinery.Prober.Tests.Support;
using Prometheus;
using static NetworkMachinery.Prober.Tests.Support.ProbeScenario;
using Protocol = NetworkMachinery.Contracts.ProbeResult.Types.Destination.Types.Protocol;

namespace NetworkMachinery.Prober.Tests.Metrics;

[Collection(ProbeNetworkTests.Collection)]
public sealed class ProberMetricsTests(ProbeScenario scenario)
{
    [Fact]
    public async Task RunAsync_Task_CountsProbesByTypeAndVerdictOnly()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        using var runner = new ProbeRunner(new ProberOptions(), new NamedNamespaceResolver(), scenario.Switcher, [new TcpProbe()], metrics: new ProberMetrics(registry));
        var task = Tasks.From(
            scenario.Source,
            4,
            Tasks.Target(scenario.Servers.V4, Ports.TcpOpen, Protocol.Tcp),
            Tasks.Target(scenario.Servers.V6, Ports.TcpOpen, Protocol.Tcp),
            Tasks.Target(scenario.Servers.V4, Ports.TcpClosed, Protocol.Tcp),
            Tasks.Target(scenario.Servers.V4, Ports.UdpEcho, Protocol.Udp));

        await foreach (var _ in runner.RunAsync(task))
        {
        }

        var text = await ScrapeAsync(registry);
        Assert.Contains("netm_probes_total{type=\"tcp\",verdict=\"reachable\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("netm_probes_total{type=\"tcp\",verdict=\"refused\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("netm_probes_total{type=\"udp\",verdict=\"error\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("netm_probe_duration_seconds_count{type=\"tcp\"} 3", text, StringComparison.Ordinal);
        Assert.Contains("netm_probes_in_flight{type=\"tcp\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("netm_probe_tasks_total 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Servers.V4.ToString(), text, StringComparison.Ordinal);
    }

    private static async Task<string> ScrapeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
