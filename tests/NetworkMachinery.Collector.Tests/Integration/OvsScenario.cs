using System.Net;
using System.Text.RegularExpressions;
using NetworkMachinery.Collector.Tests.Integration.Reference;
using NetworkMachinery.Testing.Capture;
using NetworkMachinery.Testing.Netns;
using NetworkMachinery.Testing.Ovs;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Processes;
using NetworkMachinery.Testing.Traffic;

namespace NetworkMachinery.Collector.Tests.Integration;

/// <summary>
/// One run of real traffic through a real Open vSwitch that exports sFlow, shared by the tests that check it from
/// different sides. Three network namespaces on one netdev bridge ping each other over IPv4 and IPv6, open and close a
/// TCP connection and send UDP datagrams. The switch exports to three places in its own namespace: a socket that keeps
/// every datagram, <c>netm collect</c> running as a process, and tcpdump. Everything is gone once the run is over.
/// </summary>
public sealed partial class OvsScenario : IAsyncLifetime
{
    public const int TcpBytes = 64 * 1024;
    public const int UdpDatagrams = 20;
    public const int PingCount = 3;
    private const int CollectorPort = 6343;
    private static readonly TimeSpan TrafficTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan SampleTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan CollectorStartTimeout = TimeSpan.FromSeconds(60);

    public List<ScenarioHost> Hosts { get; } = [];

    public TransferResult Tcp { get; private set; } = null!;

    public TransferResult Udp { get; private set; } = null!;

    /// <summary>The datagrams the recording socket received, decoded with the project's decoder.</summary>
    public ExportedSamples Samples { get; private set; } = null!;

    public IReadOnlyList<byte[]> Received { get; private set; } = [];

    public List<byte[]> Captured { get; private set; } = [];

    /// <summary>The port of the recording socket, which tcpdump's capture filter names.</summary>
    public int RecorderPort { get; private set; }

    /// <summary>tcpdump's capture, copied out of the switch's directory.</summary>
    public string CapturePath { get; } = Path.Combine(Path.GetTempPath(), $"nmt-ovs-capture-{Guid.NewGuid():N}.pcap");

    /// <summary>The JSON lines <c>netm collect</c> wrote.</summary>
    public List<string> CollectorRecords { get; } = [];

    /// <summary>The datagrams <c>netm collect</c> said it received, from its summary on exit.</summary>
    public long CollectorDatagrams { get; private set; }

    public string CollectorSummary { get; private set; } = string.Empty;

    /// <summary>What the run created, by name and PID, to check afterwards that none of it survived.</summary>
    public ResourceNames Leftovers { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using var ovs = await OvsSwitch.StartAsync();
        await using var nsA = await NetworkNamespace.CreateAsync();
        await using var nsB = await NetworkNamespace.CreateAsync();
        await using var nsC = await NetworkNamespace.CreateAsync();
        var bridge = await ovs.AddBridgeAsync();
        NetworkNamespace[] namespaces = [nsA, nsB, nsC];
        for (var i = 0; i < namespaces.Length; i++)
        {
            var port = await ovs.PlugAsync(bridge, namespaces[i]);
            var host = new ScenarioHost(namespaces[i], port, IPAddress.Parse($"10.77.0.{i + 1}"), IPAddress.Parse($"fd00:77::{i + 1}"));
            await host.Namespace.AddAddressAsync(port.PeerInterface, host.V4, 24);
            await host.Namespace.AddAddressAsync(port.PeerInterface, host.V6, 64);
            Hosts.Add(host);
        }

        // The switch sends from its own namespace, so the sockets, the collector and the capture are there.
        var output = Path.Combine(ovs.Directory, "records.jsonl");
        await using var collector = ovs.Namespace.Start("dotnet", [
            NetmDecoder.Program, "collect", "--listen", $"127.0.0.1:{CollectorPort}", "--output", output, "--metrics-listen", "none",
        ]);
        await collector.WaitForOutputAsync("Listening for sFlow", CollectorStartTimeout);
        Leftovers = ResourceNames.Of(ovs, namespaces, Hosts.Select(host => host.Port.Name), collector.Id);

        await using var recorder = DatagramRecorder.Start(IPAddress.Loopback, ovs.Namespace);
        RecorderPort = recorder.EndPoint.Port;
        await using var capture = await PacketCapture.StartAsync(
            Path.Combine(ovs.Directory, "sflow.pcap"), $"udp dst port {recorder.EndPoint.Port}", ovs.Namespace);
        await ovs.ConfigureSFlowAsync(bridge, new OvsSFlowOptions
        {
            Targets = [recorder.EndPoint, new IPEndPoint(IPAddress.Loopback, CollectorPort)],
            Sampling = 1,
            Polling = 1,
            HeaderBytes = 128,
        });

        var (a, b, c) = (Hosts[0], Hosts[1], Hosts[2]);
        foreach (var destination in new[] { b.V4, c.V4, b.V6, c.V6 })
        {
            await Ping.RunAsync(a.Namespace, destination, PingCount);
        }

        Tcp = await TcpTraffic.TransferAsync(b.Namespace, c.Namespace, c.V4, TcpBytes, TrafficTimeout);
        Udp = await UdpTraffic.SendAsync(c.Namespace, a.Namespace, a.V6, UdpDatagrams, 200, TrafficTimeout);
        Samples = await WaitForSamplesAsync(recorder);

        // With the export off, the capture, the socket and the collector must hold the same datagrams.
        await ovs.DisableSFlowAsync(bridge);
        File.Copy(await capture.StopAsync(), CapturePath);
        Captured = ReadUdpPayloads(CapturePath);
        Received = recorder.Snapshot();

        // SIGTERM: the collector decodes what it queued, flushes its output and prints its summary.
        var stopped = await collector.StopAsync(UnixSignal.Terminate, TimeSpan.FromSeconds(30));
        CollectorSummary = stopped.StandardError;
        var received = ReceivedSummary().Match(stopped.StandardError);
        CollectorDatagrams = received.Success ? long.Parse(received.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
        CollectorRecords.AddRange(await File.ReadAllLinesAsync(output));
    }

    public Task DisposeAsync()
    {
        File.Delete(CapturePath);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Waits until the last flow samples arrived (OVS flushes partly filled datagrams every second) and every port sent
    /// counters that include the traffic; returns what arrived by then, or by the timeout for the asserts to explain.
    /// </summary>
    private async Task<ExportedSamples> WaitForSamplesAsync(DatagramRecorder recorder)
    {
        var samples = ExportedSamples.Decode(recorder.Snapshot());
        await Poll.UntilAsync(
            () =>
            {
                samples = ExportedSamples.Decode(recorder.Snapshot());
                return samples.Flows.Count(flow => flow.Protocol == 17) >= UdpDatagrams
                    && Hosts.All(host => samples.Counters.Any(counter => counter.PortName == host.Port.Name && counter.InOctets > 0));
            },
            SampleTimeout);
        return samples;
    }

    private static List<byte[]> ReadUdpPayloads(string pcapPath)
    {
        using var reader = Capture.PcapReader.Open(pcapPath);
        List<byte[]> payloads = [];
        while (reader.TryReadPacket(out var packet))
        {
            Assert.True(Capture.UdpPacketExtractor.TryExtract(packet.LinkType, packet.Data, out var datagram), "a captured packet is not UDP");
            payloads.Add(datagram.Payload.ToArray());
        }

        return payloads;
    }

    [GeneratedRegex(@"received (\d+) datagrams")]
    private static partial Regex ReceivedSummary();
}

/// <summary>One "pod" of the scenario: a namespace on a bridge port, with an IPv4 and an IPv6 address.</summary>
public sealed record ScenarioHost(NetworkNamespace Namespace, OvsPort Port, IPAddress V4, IPAddress V6);

/// <summary>What a run created, by name and PID, to check after disposal that none of it survived.</summary>
public sealed record ResourceNames(List<string> Namespaces, List<int> ProcessIds, string Directory, List<string> Ports)
{
    public static ResourceNames Of(OvsSwitch ovs, IEnumerable<NetworkNamespace> namespaces, IEnumerable<string> ports, params int[] processes) =>
        new(
            [ovs.Namespace.Name, .. namespaces.Select(ns => ns.Name)],
            [.. new[] { ovs.SwitchProcessId, ovs.DatabaseServerProcessId }.OfType<int>(), .. processes],
            ovs.Directory,
            [.. ports]);
}
