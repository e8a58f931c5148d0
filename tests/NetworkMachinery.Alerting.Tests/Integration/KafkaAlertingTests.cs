using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NetworkMachinery.Alerting.Tests.Delivery;
using NetworkMachinery.SFlow;
using NetworkMachinery.Testing.Kafka;
using NetworkMachinery.Testing.Polling;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;
using NetworkMachinery.Testing.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.Alerting.Tests.Integration;

/// <summary>
/// <c>netm run --kafka</c>: the same job with its components meeting on a real Kafka broker (flows produced by the
/// collector, consumed by alerting, the event published on the events topic) instead of the in-process bus. The
/// sFlow comes from the test over loopback (the Open vSwitch test covers a real exporter).
/// </summary>
[Collection(KafkaTests.Collection)]
public sealed class KafkaAlertingTests(KafkaBrokerFixture kafka)
{
    private static readonly IPAddress Source = IPAddress.Parse("10.80.0.1");
    private static readonly IPAddress Destination = IPAddress.Parse("10.80.0.2");

    [Fact]
    public async Task OverKafka_TrafficAboveTheThreshold_IsDelivered_AndClearsWhenItStops()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var prefix = $"nmt{Guid.NewGuid():N}"[..16];
        var sflowPort = FreePorts.Udp();
        await using var run = await StandaloneRun.StartAsync(Monitor(receiver.Url("/hook")), sflowPort, extraArguments:
        [
            "--kafka", kafka.Broker.BootstrapServers, .. kafka.Broker.ClientProperties.SelectMany(p => new[] { "--kafka-config", $"{p.Key}={p.Value}" }),
            "--topic-prefix", prefix,
        ]);
        Assert.Contains($"over Kafka at {kafka.Broker.BootstrapServers}", run.Process.StandardError, StringComparison.Ordinal);

        // One sampled 1500-byte UDP frame every 100 ms at 1 in 100 stands for 1.5 MB/s, fifteen times the threshold;
        // sent until the condition is raised (the consumers join the group meanwhile), then stopped.
        using var exporter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var collector = new IPEndPoint(IPAddress.Loopback, sflowPort);
        uint sequence = 0;
        var raised = await Poll.UntilAsync(
            () =>
            {
                exporter.SendTo(Datagram(++sequence), collector);
                return Posted(receiver, "ThresholdRaised").Count > 0;
            },
            TimeSpan.FromSeconds(60));
        Assert.True(raised, $"no ThresholdRaised within 60 s of {sequence} datagrams; stderr: {run.Process.StandardError}");

        var posted = Posted(receiver, "ThresholdRaised").Single();
        Assert.Equal(Source.ToString(), posted.GetProperty("flowKey").GetProperty("srcAddr").GetString());
        Assert.Equal(Destination.ToString(), posted.GetProperty("flowKey").GetProperty("dstAddr").GetString());
        Assert.True(
            await Poll.UntilAsync(() => Posted(receiver, "ThresholdCleared").Count > 0, TimeSpan.FromSeconds(30)),
            $"no ThresholdCleared within 30 s; stdout: {run.Process.StandardOutput}");
        Assert.Single(run.EventsOf("THRESHOLD_RAISED"));
        Assert.Single(run.EventsOf("THRESHOLD_CLEARED"));

        var stopped = await run.Process.StopAsync(UnixSignal.Terminate, TimeSpan.FromSeconds(20));
        Assert.Equal(0, stopped.ExitCode);
        Assert.Contains("received " + sequence + " datagrams", stopped.StandardError, StringComparison.Ordinal);
    }

    private static byte[] Datagram(uint sequence)
    {
        var frame = new PacketBuilder().Ethernet(Mac("02:00:00:00:00:01"), Mac("02:00:00:00:00:02"))
            .IPv4(Ip(Source.ToString()), Ip(Destination.ToString())).Udp(40000, 5001).Payload(64).Build();
        return new SFlowDatagramBuilder().Agent(Ip("127.0.0.1")).SequenceNumber(sequence)
            .FlowSample(s => s.SequenceNumber(sequence).Source(0, 1).SamplingRate(100).Input(1).Output(2)
                .Record(FlowRecordEncoder.RawPacketHeader(HeaderProtocol.Ethernet, 1500, 4, frame)))
            .Build();
    }

    private static List<JsonElement> Posted(WebhookReceiver receiver, string kind) =>
        [.. receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.Clone()).Where(e => e.GetProperty("kind").GetString() == kind)];

    private static string Monitor(string receiverUrl) => $"""
        apiVersion: networkmachinery.io/v1alpha1
        kind: NetworkMonitor
        metadata:
          name: talkers
        spec:
          flows:
            - name: pairs
              keys: [srcAddr, dstAddr]
              value: bytes
          thresholds:
            - name: heavy-talker
              flow: pairs
              value: 100000
              byFlow: true
              window: 2s
              hold: 2s
          channels:
            - name: receiver
              webhook:
                url: {receiverUrl}
        """;
}
