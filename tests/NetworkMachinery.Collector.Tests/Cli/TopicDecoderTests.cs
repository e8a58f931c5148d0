using System.Net;
using System.Text.Json;
using Google.Protobuf;
using NetworkMachinery.Bus.Topics;
using NetworkMachinery.Contracts;
using NetworkMachinery.Netm.Tail;

namespace NetworkMachinery.Collector.Tests.Cli;

public class TopicDecoderTests
{
    private static readonly BusTopics Topics = new("test");

    [Fact]
    public void Decode_FlowsMessage_PrintsEachRecordWithReadableAddressesAndMacs()
    {
        var decoder = TopicDecoder.For("test.flows", Topics)!;
        using var value = new MemoryStream();
        new FlowMessage { SamplerAddress = Bytes("192.0.2.1"), SrcAddr = Bytes("2001:db8::1"), SrcMac = 0x0200_0000_0001, SequenceNum = 7 }.WriteDelimitedTo(value);
        new FlowMessage { SamplerAddress = Bytes("192.0.2.1"), DstAddr = Bytes("10.0.0.2"), SequenceNum = 7 }.WriteDelimitedTo(value);

        var lines = decoder.Decode(value.ToArray()).Select(line => JsonDocument.Parse(line).RootElement).ToList();

        Assert.Equal(2, lines.Count);
        Assert.Equal("192.0.2.1", lines[0].GetProperty("samplerAddress").GetString());
        Assert.Equal("2001:db8::1", lines[0].GetProperty("srcAddr").GetString());
        Assert.Equal("02:00:00:00:00:01", lines[0].GetProperty("srcMac").GetString());
        Assert.Equal("10.0.0.2", lines[1].GetProperty("dstAddr").GetString());
        Assert.Equal(7, lines[1].GetProperty("sequenceNum").GetInt32());
    }

    [Fact]
    public void Decode_DeadLetter_IsOneRecord()
    {
        var decoder = TopicDecoder.For("test.dead-letters", Topics)!;
        var letter = new DeadLetter { Topic = "test.flows", Reason = "no such monitor", Attempts = 3 };

        var line = Assert.Single(decoder.Decode(letter.ToByteArray()));

        Assert.Equal("no such monitor", JsonDocument.Parse(line).RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public void Decode_ProbeTask_KeepsTextAddressesAsTheyAre()
    {
        var decoder = TopicDecoder.For("test.probe-tasks", Topics)!;
        using var value = new MemoryStream();
        new ProbeTask
        {
            RunId = "run-1",
            Source = new ProbeResult.Types.Source { PodNamespace = "default", PodName = "client", Address = "10.1.0.4" },
            Targets = { new ProbeResult.Types.Destination { Kind = ProbeResult.Types.Destination.Types.Kind.Service, Address = "fd00::a", Port = 80 } },
            Layer = 4,
        }.WriteDelimitedTo(value);

        var task = JsonDocument.Parse(Assert.Single(decoder.Decode(value.ToArray()))).RootElement;

        Assert.Equal("10.1.0.4", task.GetProperty("source").GetProperty("address").GetString());
        var target = Assert.Single(task.GetProperty("targets").EnumerateArray());
        Assert.Equal(("SERVICE", "fd00::a", 80), (target.GetProperty("kind").GetString(), target.GetProperty("address").GetString(), target.GetProperty("port").GetInt32()));
    }

    [Fact]
    public void For_UnknownTopic_IsNull() => Assert.Null(TopicDecoder.For("test.other", Topics));

    [Fact]
    public void Decode_Garbage_Throws() =>
        Assert.ThrowsAny<InvalidProtocolBufferException>(() => TopicDecoder.For("test.flows", Topics)!.Decode([0x0a, 0xff, 0xff]).ToList());

    private static ByteString Bytes(string address) => ByteString.CopyFrom(IPAddress.Parse(address).GetAddressBytes());
}
