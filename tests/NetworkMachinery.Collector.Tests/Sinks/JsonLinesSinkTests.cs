using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMachinery.Collector.Records;
using NetworkMachinery.Collector.Sinks;
using NetworkMachinery.SFlow;
using static NetworkMachinery.Testing.SFlow.TestAddresses;

namespace NetworkMachinery.Collector.Tests.Sinks;

public class JsonLinesSinkTests
{
    [Fact]
    public async Task Write_FlowsAndCounters_WritesOneJsonObjectPerLine()
    {
        using var stream = new MemoryStream();
        await using (var sink = new JsonLinesSink(stream, ownsStream: false, "memory", NullLogger.Instance))
        {
            var flow = new FlowRecord
            {
                AgentAddress = Ip("192.0.2.1"),
                SamplingRate = 100,
                FrameLength = 1500,
                Bytes = 150_000,
                Packets = 100,
                Packet = new ParsedPacket
                {
                    Layers = PacketLayers.IPv4 | PacketLayers.Ports,
                    SourceAddress = Ip("10.0.0.1"),
                    DestinationAddress = Ip("10.0.0.2"),
                    IpProtocol = 17,
                    SourcePort = 5000,
                    DestinationPort = 53,
                },
            };
            var counters = new CounterRecord { AgentAddress = Ip("192.0.2.1"), SourceIdIndex = 7, PortName = "eth0", OvsDatapath = new OvsDatapath(1, 2, 3, 4, 5, 6) };

            sink.Write([flow, flow], [counters]);
            Assert.Equal(3, sink.Written);
        }

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("flow", first.GetProperty("type").GetString());
        Assert.Equal("10.0.0.1", first.GetProperty("srcAddress").GetString());
        Assert.Equal(53, first.GetProperty("dstPort").GetInt32());
        Assert.Equal(150_000, first.GetProperty("bytes").GetInt64());
        Assert.False(first.TryGetProperty("tcpFlags", out _), "TCP flags of a UDP packet must be left out");
        var last = JsonDocument.Parse(lines[2]).RootElement;
        Assert.Equal("counters", last.GetProperty("type").GetString());
        Assert.Equal("eth0", last.GetProperty("portName").GetString());
        Assert.Equal(5, last.GetProperty("ovsDatapath").GetProperty("flows").GetInt32());
        Assert.False(last.TryGetProperty("interface", out _));
    }

    [Fact]
    public async Task Write_OutputFails_StopsWritingCountsWhatItDropsAndDoesNotThrow()
    {
        var stream = new FailingStream();
        await using var sink = new JsonLinesSink(stream, ownsStream: true, "failing", NullLogger.Instance);
        var flows = new FlowRecord[5];

        sink.Write(flows, []);
        sink.Write(flows, []);

        Assert.Equal(0, sink.Written);
        Assert.Equal(10, sink.Dropped);
        Assert.Equal(1, stream.Writes);
    }

    /// <summary>An output that fails like a closed pipe or a full disk.</summary>
    private sealed class FailingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            throw new IOException("Broken pipe");
        }
    }
}
