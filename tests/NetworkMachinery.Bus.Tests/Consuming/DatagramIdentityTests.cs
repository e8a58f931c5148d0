using Google.Protobuf;
using NetworkMachinery.Bus.Consuming;
using NetworkMachinery.Bus.Messages;
using NetworkMachinery.Contracts;

namespace NetworkMachinery.Bus.Tests.Consuming;

public class DatagramIdentityTests
{
    [Fact]
    public void Of_FlowsMessage_IsUptimeAndSequenceOfTheFirstRecord()
    {
        var value = Delimited(
            new FlowMessage { SequenceNum = 42, AgentUptimeMs = 9000, SrcPort = 443, SamplerAddress = ByteString.CopyFrom(10, 0, 0, 1) },
            new FlowMessage { SequenceNum = 42, AgentUptimeMs = 9000 });

        Assert.Equal((9000UL << 32) | 42, DatagramIdentity.Of(Message(value)));
    }

    [Fact]
    public void Of_CountersMessage_ReadsTheSameFields()
    {
        var value = Delimited(new CounterMessage { SequenceNum = 7, AgentUptimeMs = 1, PortName = "eth0" });

        Assert.Equal((1UL << 32) | 7, DatagramIdentity.Of(Message(value)));
    }

    [Fact]
    public void Of_SameSequenceAfterAgentRestart_Differs()
    {
        var before = DatagramIdentity.Of(Message(Delimited(new FlowMessage { SequenceNum = 1, AgentUptimeMs = 500_000 })));
        var after = DatagramIdentity.Of(Message(Delimited(new FlowMessage { SequenceNum = 1, AgentUptimeMs = 200 })));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Of_EmptyOrGarbage_Throws()
    {
        Assert.ThrowsAny<Exception>(() => DatagramIdentity.Of(Message([])));
        Assert.ThrowsAny<Exception>(() => DatagramIdentity.Of(Message([0x05, 0xff, 0xff])));
    }

    private static ConsumedMessage Message(byte[] value) => new("netm.flows", 0, 0, [1], value);

    private static byte[] Delimited(params IMessage[] records)
    {
        using var stream = new MemoryStream();
        foreach (var record in records)
        {
            record.WriteDelimitedTo(stream);
        }

        return stream.ToArray();
    }
}
