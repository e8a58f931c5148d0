using System.Net;
using NetworkMachinery.Collector.Capture;
using NetworkMachinery.Testing.Capture;
using NetworkMachinery.Testing.Netns;
using NetworkMachinery.Testing.Ovs;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Processes;
using NetworkMachinery.Testing.Traffic;

namespace NetworkMachinery.Collector.Tests.Integration;

/// <summary>
/// A real Open vSwitch exports sFlow for traffic between network namespaces the test creates, and the project's decoder
/// finds in the datagrams exactly that traffic and the bridge's ports.
/// </summary>
[Collection(IntegrationTests.Collection)]
public sealed class OvsSFlowExportTests
{
    private const int TcpBytes = 64 * 1024;
    private const int UdpDatagrams = 20;
    private const int PingCount = 3;
    private const byte Icmp = 1;
    private const byte Tcp = 6;
    private const byte Udp = 17;
    private const byte IcmpV6 = 58;
    private const ushort TcpFin = 0x01;
    private const ushort TcpSyn = 0x02;
    private static readonly TimeSpan TrafficTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan SampleTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Ovs_exports_samples_naming_exactly_the_traffic_and_counters_naming_the_ports()
    {
        var run = await RunScenarioAsync();
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

    private static async Task<ScenarioResult> RunScenarioAsync()
    {
        List<Host> hosts = [];
        ResourceNames names;
        TransferResult tcp, udp;
        ExportedSamples samples;
        List<byte[]> captured;
        IReadOnlyList<byte[]> received;
        await using (var ovs = await OvsSwitch.StartAsync())
        await using (var nsA = await NetworkNamespace.CreateAsync())
        await using (var nsB = await NetworkNamespace.CreateAsync())
        await using (var nsC = await NetworkNamespace.CreateAsync())
        {
            var bridge = await ovs.AddBridgeAsync();
            NetworkNamespace[] namespaces = [nsA, nsB, nsC];
            for (var i = 0; i < namespaces.Length; i++)
            {
                var port = await ovs.PlugAsync(bridge, namespaces[i]);
                var host = new Host(namespaces[i], port, IPAddress.Parse($"10.77.0.{i + 1}"), IPAddress.Parse($"fd00:77::{i + 1}"));
                await host.Namespace.AddAddressAsync(port.PeerInterface, host.V4, 24);
                await host.Namespace.AddAddressAsync(port.PeerInterface, host.V6, 64);
                hosts.Add(host);
            }

            names = ResourceNames.Of(ovs, namespaces, hosts.Select(host => host.Port.Name));

            // The switch sends from its own namespace, so the collector socket and the capture are there.
            await using var recorder = DatagramRecorder.Start(IPAddress.Loopback, ovs.Namespace);
            await using var capture = await PacketCapture.StartAsync(
                Path.Combine(ovs.Directory, "sflow.pcap"), $"udp dst port {recorder.EndPoint.Port}", ovs.Namespace);
            await ovs.ConfigureSFlowAsync(bridge, new OvsSFlowOptions { Targets = [recorder.EndPoint], Sampling = 1, Polling = 1, HeaderBytes = 128 });

            var (a, b, c) = (hosts[0], hosts[1], hosts[2]);
            foreach (var destination in new[] { b.V4, c.V4, b.V6, c.V6 })
            {
                await Ping.RunAsync(a.Namespace, destination, PingCount);
            }

            tcp = await TcpTraffic.TransferAsync(b.Namespace, c.Namespace, c.V4, TcpBytes, TrafficTimeout);
            udp = await UdpTraffic.SendAsync(c.Namespace, a.Namespace, a.V6, UdpDatagrams, 200, TrafficTimeout);
            Assert.Equal(TcpBytes, tcp.Bytes);
            Assert.Equal(UdpDatagrams, udp.Messages);

            samples = await WaitForSamplesAsync(recorder, hosts);

            // With the export off, the capture and the socket must hold the same datagrams.
            await ovs.DisableSFlowAsync(bridge);
            captured = ReadUdpPayloads(await capture.StopAsync());
            received = recorder.Snapshot();
        }

        return new ScenarioResult(hosts, tcp, udp, samples, captured, received, names);
    }

    /// <summary>
    /// Waits until the last flow samples arrived (OVS flushes partly filled datagrams every second) and every port sent
    /// counters that include the traffic; returns what arrived by then, or by the timeout for the asserts to explain.
    /// </summary>
    private static async Task<ExportedSamples> WaitForSamplesAsync(DatagramRecorder recorder, List<Host> hosts)
    {
        var samples = ExportedSamples.Decode(recorder.Snapshot());
        await Poll.UntilAsync(
            () =>
            {
                samples = ExportedSamples.Decode(recorder.Snapshot());
                return samples.Flows.Count(flow => flow.Protocol == Udp) >= UdpDatagrams
                    && hosts.All(host => samples.Counters.Any(counter => counter.PortName == host.Port.Name && counter.InOctets > 0));
            },
            SampleTimeout);
        return samples;
    }

    private static void AssertNothingLeft(ResourceNames names)
    {
        Assert.DoesNotContain(names.Namespaces, NetworkNamespace.Exists);
        Assert.DoesNotContain(names.ProcessIds, ProcessIds.IsRunning);
        Assert.False(Directory.Exists(names.Directory), $"{names.Directory} still exists");
        var hostLinks = File.ReadAllText("/proc/net/dev");
        Assert.DoesNotContain(names.Ports, port => hostLinks.Contains(port, StringComparison.Ordinal));
    }

    private static List<byte[]> ReadUdpPayloads(string pcapPath)
    {
        using var reader = PcapReader.Open(pcapPath);
        List<byte[]> payloads = [];
        while (reader.TryReadPacket(out var packet))
        {
            Assert.True(UdpPacketExtractor.TryExtract(packet.LinkType, packet.Data, out var datagram), "a captured packet is not UDP");
            payloads.Add(datagram.Payload.ToArray());
        }

        return payloads;
    }

    private static bool IsIPv6Housekeeping(IPAddress address) =>
        address.IsIPv6LinkLocal || address.IsIPv6Multicast || address.Equals(IPAddress.IPv6Any);

    private static string Echo(IPAddress source, IPAddress destination, byte type) => $"{source} > {destination} type {type}";

    private static IEnumerable<string> Repeat(int times, params string[] values) => Enumerable.Repeat(values, times).SelectMany(value => value);

    private static string LinkName(string line) => line.Split(':', 3)[1].Trim().Split('@')[0];

    private static List<string> Sorted(IEnumerable<object> values) => values.Select(value => value.ToString()!).Order().ToList();

    private sealed record Host(NetworkNamespace Namespace, OvsPort Port, IPAddress V4, IPAddress V6);

    private sealed record ScenarioResult(
        List<Host> Hosts,
        TransferResult Tcp,
        TransferResult Udp,
        ExportedSamples Samples,
        List<byte[]> Captured,
        IReadOnlyList<byte[]> Received,
        ResourceNames Leftovers);

    /// <summary>What a run created, by name and PID, to check after disposal that none of it survived.</summary>
    private sealed record ResourceNames(List<string> Namespaces, List<int> ProcessIds, string Directory, List<string> Ports)
    {
        public static ResourceNames Of(OvsSwitch ovs, IEnumerable<NetworkNamespace> namespaces, IEnumerable<string> ports) =>
            new(
                [ovs.Namespace.Name, .. namespaces.Select(ns => ns.Name)],
                [.. new[] { ovs.SwitchProcessId, ovs.DatabaseServerProcessId }.OfType<int>()],
                ovs.Directory,
                [.. ports]);
    }
}
