using System.Net;
using System.Text.Json;
using NetworkMachinery.Collector.Tests.Integration.Reference;
using NetworkMachinery.Testing.Netns;
using NetworkMachinery.Testing.Ovs;
using NetworkMachinery.Testing.Processes;

namespace NetworkMachinery.Collector.Tests.Integration;

/// <summary>
/// A real Open vSwitch exports sFlow for traffic between network namespaces the test creates (see <see cref="OvsScenario"/>):
/// the project's decoder, the <c>netm collect</c> process and tshark each find in it exactly that traffic and the bridge's ports.
/// </summary>
[Collection(IntegrationTests.Collection)]
public sealed class OvsSFlowExportTests(OvsScenario run) : IClassFixture<OvsScenario>
{
    private const int UdpDatagrams = OvsScenario.UdpDatagrams;
    private const int PingCount = OvsScenario.PingCount;
    private const byte Icmp = 1;
    private const byte Tcp = 6;
    private const byte Udp = 17;
    private const byte IcmpV6 = 58;
    private const ushort TcpFin = 0x01;
    private const ushort TcpSyn = 0x02;

    [Fact]
    public void Ovs_exports_samples_naming_exactly_the_traffic_and_counters_naming_the_ports()
    {
        var samples = run.Samples;
        var (a, b, c) = (run.Hosts[0], run.Hosts[1], run.Hosts[2]);

        Assert.Empty(samples.Errors);
        Assert.Equal(["127.0.0.1"], samples.AgentAddresses); // agent=lo, in the switch's namespace
        Assert.NotEmpty(samples.Flows);
        Assert.All(samples.Flows, flow => Assert.Equal(1u, flow.SamplingRate));

        // Addresses: all six of ours, and nothing else but IPv6's link-local and multicast housekeeping (ND, MLD).
        var ours = run.Hosts.SelectMany(host => new[] { host.V4, host.V6 }).ToHashSet();
        var seen = samples.Flows.SelectMany(flow => new[] { flow.Source, flow.Destination }).OfType<IPAddress>().ToHashSet();
        Assert.Equal(Sorted(ours), Sorted(seen.Where(ours.Contains)));
        Assert.DoesNotContain(seen, address => !ours.Contains(address) && !IsIPv6Housekeeping(address));
        Assert.Equal([Icmp, Tcp, Udp, IcmpV6], samples.Flows.Where(flow => flow.Source is not null).Select(flow => flow.Protocol).Distinct().Order());

        // Each packet entered the bridge on the port of the namespace that sent it.
        foreach (var host in run.Hosts)
        {
            Assert.All(
                samples.Flows.Where(flow => host.V4.Equals(flow.Source) || host.V6.Equals(flow.Source)),
                flow => Assert.Equal(host.Port.IfIndex, flow.InputIfIndex));
        }

        // ICMP and ICMPv6: a pinged b and c, and they answered; with sampling=1 each packet is one sample.
        Assert.Equal(
            Sorted(Repeat(PingCount, Echo(a.V4, b.V4, 8), Echo(b.V4, a.V4, 0), Echo(a.V4, c.V4, 8), Echo(c.V4, a.V4, 0))),
            Sorted(samples.Flows.Where(flow => flow.Protocol == Icmp).Select(flow => Echo(flow.Source!, flow.Destination!, flow.IcmpType!.Value))));
        Assert.Equal(
            Sorted(Repeat(PingCount, Echo(a.V6, b.V6, 128), Echo(b.V6, a.V6, 129), Echo(a.V6, c.V6, 128), Echo(c.V6, a.V6, 129))),
            Sorted(samples.Flows.Where(flow => flow.Protocol == IcmpV6 && flow.IcmpType is 128 or 129)
                .Select(flow => Echo(flow.Source!, flow.Destination!, flow.IcmpType!.Value))));

        // TCP: one connection from b to c, both directions, opened and closed.
        var tcp = samples.Flows.Where(flow => flow.Protocol == Tcp).ToList();
        Assert.Equal(
            Sorted([$"{run.Tcp.Client} > {run.Tcp.Server}", $"{run.Tcp.Server} > {run.Tcp.Client}"]),
            Sorted(tcp.Select(flow => $"{flow.SourceEndPoint} > {flow.DestinationEndPoint}").Distinct()));
        var clientSegments = tcp.Where(flow => flow.SourceEndPoint.Equals(run.Tcp.Client)).ToList();
        Assert.Contains(clientSegments, flow => (flow.TcpFlags & TcpSyn) != 0);
        Assert.Contains(clientSegments, flow => (flow.TcpFlags & TcpFin) != 0);

        // UDP: every datagram from c to a, sampled once each (sampling=1).
        var udp = samples.Flows.Where(flow => flow.Protocol == Udp).ToList();
        Assert.All(udp, flow =>
        {
            Assert.Equal(run.Udp.Client, flow.SourceEndPoint);
            Assert.Equal(run.Udp.Server, flow.DestinationEndPoint);
        });
        Assert.Equal(UdpDatagrams, udp.Count);

        // Counters: every veth port reports its name (record 1005) with its ifIndex and the traffic it carried.
        foreach (var host in run.Hosts)
        {
            var counters = samples.Counters.Where(counter => counter.PortName == host.Port.Name).ToList();
            Assert.NotEmpty(counters);
            Assert.All(counters, counter =>
            {
                Assert.Equal(host.Port.IfIndex, counter.SourceIndex);
                Assert.Equal(host.Port.IfIndex, counter.IfIndex);
            });
            Assert.Contains(counters, counter => counter.InOctets > 0 && counter.OutOctets > 0);
        }

        // tcpdump on the switch's loopback saw exactly the datagrams the socket received, byte for byte.
        Assert.Equal(run.Received.Count, run.Captured.Count);
        Assert.Equal(run.Received, run.Captured);

        AssertNothingLeft(run.Leftovers);
    }

    [Fact]
    public void Collector_process_writes_records_naming_exactly_the_traffic_and_the_ports()
    {
        Assert.Equal(run.Received.Count, run.CollectorDatagrams);
        Assert.Contains(" 0 malformed, 0 dropped", run.CollectorSummary, StringComparison.Ordinal);
        var records = run.CollectorRecords.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var flows = records.Where(r => r.GetProperty("type").GetString() == "flow").ToList();
        var counters = records.Where(r => r.GetProperty("type").GetString() == "counters").ToList();

        // The collector's flow records are the samples the recording socket decoded, one for one.
        Assert.Equal(
            Sorted(run.Samples.Flows.Select(flow => Key(flow.Source?.ToString(), flow.Destination?.ToString(), flow.Protocol, flow.SourcePort, flow.DestinationPort, flow.IcmpType))),
            Sorted(flows.Select(flow => Key(
                Text(flow, "srcAddress"), Text(flow, "dstAddress"), (byte)Number(flow, "ipProtocol"), (ushort)Number(flow, "srcPort"), (ushort)Number(flow, "dstPort"),
                flow.TryGetProperty("icmpType", out var icmp) ? icmp.GetByte() : null))));

        // Sampling is 1 in 1: each record stands for its own packet.
        Assert.All(flows, flow =>
        {
            Assert.Equal(1u, flow.GetProperty("packets").GetUInt32());
            Assert.Equal(flow.GetProperty("frameLength").GetUInt64(), flow.GetProperty("bytes").GetUInt64());
            Assert.Equal("127.0.0.1", flow.GetProperty("agentAddress").GetString());
        });
        var udp = flows.Where(flow => Number(flow, "ipProtocol") == Udp).ToList();
        Assert.Equal(UdpDatagrams, udp.Count);
        Assert.All(udp, flow => Assert.Equal((uint)run.Udp.Server.Port, Number(flow, "dstPort")));

        // Every veth port's counters: its name, its ifIndex as the data source and in the interface counters, traffic seen.
        foreach (var host in run.Hosts)
        {
            var mine = counters.Where(counter => Text(counter, "portName") == host.Port.Name).ToList();
            Assert.NotEmpty(mine);
            Assert.All(mine, counter =>
            {
                Assert.Equal(host.Port.IfIndex, counter.GetProperty("sourceIdIndex").GetUInt32());
                Assert.Equal(host.Port.IfIndex, counter.GetProperty("interface").GetProperty("ifIndex").GetUInt32());
            });
            Assert.Contains(mine, counter => counter.GetProperty("interface").GetProperty("inOctets").GetUInt64() > 0);
        }
    }

    [Fact]
    public async Task Tshark_and_netm_decode_agree_on_every_sample_of_the_fresh_capture()
    {
        var reference = await TsharkDecoder.DecodeAsync(run.CapturePath, sflowPort: run.RecorderPort);
        var (ours, summary) = await NetmDecoder.DecodeAsync(run.CapturePath);

        Assert.Contains(" 0 malformed", summary, StringComparison.Ordinal);
        Assert.Equal(run.Captured.Count, ours.Count);
        var compared = DecoderAgreement.AssertAgree(reference, ours);
        Assert.True(compared >= run.Samples.Flows.Count, $"compared {compared} samples, fewer than the {run.Samples.Flows.Count} flow samples");
        foreach (var protocol in new uint[] { 1, 6, 17, 58 })
        {
            Assert.Contains(reference.SelectMany(d => d.Samples), s => s.Protocol == protocol);
        }
    }

    [Fact]
    public async Task Disposal_after_a_failed_plug_leaves_nothing_behind()
    {
        ResourceNames names;
        await using (var ovs = await OvsSwitch.StartAsync())
        await using (var peer = await NetworkNamespace.CreateAsync())
        {
            names = ResourceNames.Of(ovs, [peer], []);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ovs.PlugAsync("no-such-bridge", peer));
            Assert.Contains("no-such-bridge", error.Message);

            // The failed plug took its veth pair back: the peer has only its loopback.
            var links = await peer.IpAsync(["-o", "link", "show"]);
            Assert.Equal(["lo"], links.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(LinkName));
        }

        AssertNothingLeft(names);
    }

    private static void AssertNothingLeft(ResourceNames names)
    {
        Assert.DoesNotContain(names.Namespaces, NetworkNamespace.Exists);
        Assert.DoesNotContain(names.ProcessIds, ProcessIds.IsRunning);
        Assert.False(Directory.Exists(names.Directory), $"{names.Directory} still exists");
        var hostLinks = File.ReadAllText("/proc/net/dev");
        Assert.DoesNotContain(names.Ports, port => hostLinks.Contains(port, StringComparison.Ordinal));
    }

    private static string Key(string? source, string? destination, byte protocol, ushort sourcePort, ushort destinationPort, byte? icmpType) =>
        $"{source ?? "-"} > {destination ?? "-"} proto {protocol} ports {sourcePort} > {destinationPort} icmp {icmpType?.ToString() ?? "-"}";

    private static string? Text(JsonElement record, string name) => record.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static uint Number(JsonElement record, string name) => record.TryGetProperty(name, out var value) ? value.GetUInt32() : 0;

    private static bool IsIPv6Housekeeping(IPAddress address) =>
        address.IsIPv6LinkLocal || address.IsIPv6Multicast || address.Equals(IPAddress.IPv6Any);

    private static string Echo(IPAddress source, IPAddress destination, byte type) => $"{source} > {destination} type {type}";

    private static IEnumerable<string> Repeat(int times, params string[] values) => Enumerable.Repeat(values, times).SelectMany(value => value);

    private static string LinkName(string line) => line.Split(':', 3)[1].Trim().Split('@')[0];

    private static List<string> Sorted(IEnumerable<object> values) => values.Select(value => value.ToString()!).Order().ToList();
}
