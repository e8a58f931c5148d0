using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetworkMachinery.Collector.Tests.Integration;
using NetworkMachinery.Collector.Tests.Integration.Reference;
using NetworkMachinery.Collector.Tests.Support;
using NetworkMachinery.Testing.Kafka;
using NetworkMachinery.Testing.Ports;
using NetworkMachinery.Testing.Processes;
using NetworkMachinery.Testing.SFlow;

namespace NetworkMachinery.Collector.Tests.Cli;

/// <summary>
/// <c>netm collect --kafka</c> and <c>netm tail</c> as a user runs them, as processes, against the shared real broker:
/// what an agent sends comes out of the topic as readable records, and a cluster that does not answer is named.
/// </summary>
[Collection(KafkaTests.Collection)]
public sealed class NetmKafkaCommandTests(KafkaBrokerFixture kafka)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly uint[] FlowSequences = [5000, 5001, 5002];
    private static readonly ProcessOptions Tolerant = new() { ThrowOnFailure = false, Timeout = Timeout };

    [Fact]
    public async Task CollectToKafka_ThenTail_PrintsTheRecordsTheAgentSent()
    {
        var prefix = $"cli{Guid.NewGuid():N}"[..12];
        await kafka.Broker.CreateTopicAsync($"{prefix}.flows", 2);
        await kafka.Broker.CreateTopicAsync($"{prefix}.counters", 1);
        var port = FreePorts.Udp();

        await using (var collector = BackgroundProcess.Start("dotnet", [
            NetmDecoder.Program, "collect", "--listen", $"127.0.0.1:{port}", "--output", "none", "--metrics-listen", "none", .. kafka.Broker.CommandLineArguments(prefix),
        ]))
        {
            await collector.WaitForOutputAsync("Listening for sFlow", Timeout);
            using var agent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            var target = new IPEndPoint(IPAddress.Loopback, port);
            foreach (var datagram in FlowDatagrams())
            {
                await agent.SendToAsync(datagram, target);
            }

            await agent.SendToAsync(SFlowDatagramCorpus.OvsCounters(), target);
            await Task.Delay(500);
            var stopped = await collector.StopAsync(UnixSignal.Terminate, Timeout);

            Assert.Equal(0, stopped.ExitCode);
            Assert.Contains("received 4 datagrams: 4 decoded, 0 malformed", stopped.StandardError, StringComparison.Ordinal);
            AssertReports(@"to Kafka: 3 flow and [1-9]\d* counter records queued, 0 dropped \(export queue full\); 4 of 4 messages delivered, 0 failed", stopped);
        }

        // The values SFlowDatagramCorpus.OvsFlowIPv4Tcp puts in its sample, with addresses as text.
        var flows = await TailAsync(prefix, "flows", 3);
        Assert.Equal(FlowSequences, flows.Select(flow => flow.GetProperty("sequenceNum").GetUInt32()).Order());
        Assert.All(flows, flow =>
        {
            Assert.Equal("10.0.0.1", flow.GetProperty("samplerAddress").GetString());
            Assert.Equal("192.168.1.10", flow.GetProperty("srcAddr").GetString());
            Assert.Equal("192.168.1.20", flow.GetProperty("dstAddr").GetString());
            Assert.Equal((40_000, 443), (flow.GetProperty("srcPort").GetInt32(), flow.GetProperty("dstPort").GetInt32()));
            Assert.Equal("02:00:00:00:00:01", flow.GetProperty("srcMac").GetString());
            Assert.Equal("400", flow.GetProperty("samplingRate").GetString());
        });

        var counters = Assert.Single(await TailAsync(prefix, "counters", 1));
        Assert.Equal("10.0.0.1", counters.GetProperty("samplerAddress").GetString());
        Assert.Equal(4243, counters.GetProperty("sequenceNum").GetInt64());
    }

    [Fact]
    public async Task CollectToKafka_ClusterUnreachable_SaysSoAndKeepsReceiving()
    {
        var closed = FreePorts.Tcp();
        var port = FreePorts.Udp();
        await using var collector = BackgroundProcess.Start("dotnet", [
            NetmDecoder.Program, "collect", "--listen", $"127.0.0.1:{port}", "--output", "none", "--metrics-listen", "none",
            "--kafka", $"127.0.0.1:{closed}", "--kafka-config", "message.timeout.ms=3000",
        ]);

        await collector.WaitForOutputAsync($"Kafka at 127.0.0.1:{closed} is not reachable", Timeout);
        await collector.WaitForOutputAsync("Listening for sFlow", Timeout);
        using var agent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        foreach (var datagram in FlowDatagrams())
        {
            await agent.SendToAsync(datagram, new IPEndPoint(IPAddress.Loopback, port));
        }

        await Task.Delay(500);
        var stopped = await collector.StopAsync(UnixSignal.Terminate, Timeout);

        Assert.Contains("received 3 datagrams: 3 decoded, 0 malformed", stopped.StandardError, StringComparison.Ordinal);
        AssertReports(@"to Kafka: 3 flow and 0 counter records queued, 0 dropped \(export queue full\); 0 of 3 messages delivered, 3 failed, 0 in flight", stopped);
    }

    [Fact]
    public async Task Tail_ClusterUnreachable_FailsWithAClearError()
    {
        var closed = FreePorts.Tcp();

        var result = await ProcessRunner.RunAsync("dotnet", [NetmDecoder.Program, "tail", "flows", "--kafka", $"127.0.0.1:{closed}"], Tolerant);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"netm tail: Kafka at 127.0.0.1:{closed} is not reachable", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tail_UnknownTopic_FailsWithAClearError()
    {
        var result = await ProcessRunner.RunAsync("dotnet", [NetmDecoder.Program, "tail", "packets", .. kafka.Broker.CommandLineArguments("netm")], Tolerant);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'packets' is not one of the netm.* topics", result.StandardError, StringComparison.Ordinal);
    }

    private async Task<List<JsonElement>> TailAsync(string prefix, string topic, int max)
    {
        var result = await ProcessRunner.RunAsync(
            "dotnet", [NetmDecoder.Program, "tail", topic, "--from-beginning", "--max", $"{max}", .. kafka.Broker.CommandLineArguments(prefix)], Tolerant);

        Assert.True(result.ExitCode == 0, $"netm tail {topic} exited with {result.ExitCode}: {result.StandardError}");
        return [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
    }

    /// <summary>An agent's next three datagrams, each with one flow sample (SFlowDatagramCorpus.OvsFlowIPv4Tcp).</summary>
    private static IEnumerable<byte[]> FlowDatagrams() =>
        FlowSequences.Select(sequence => DatagramHeaderPatch.With(SFlowDatagramCorpus.OvsFlowIPv4Tcp(), sequence: sequence));

    private static void AssertReports(string pattern, ProcessResult stopped) =>
        Assert.True(Regex.IsMatch(stopped.StandardError, pattern), $"no '{pattern}' in the collector's stderr:\n{stopped.StandardError}");
}
