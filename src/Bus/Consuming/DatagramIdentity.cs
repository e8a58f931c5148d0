using Google.Protobuf;
using NetworkMachinery.Bus.Messages;

namespace NetworkMachinery.Bus.Consuming;

/// <summary>
/// The identity of a message on the flows or counters topic, for <see cref="ConsumerOptions.IdentityOf"/>: the sFlow
/// datagram's sequence number (low 32 bits) and the agent's uptime (high 32 bits), read from the message's first
/// record (FlowMessage and CounterMessage number these fields alike: <c>sequence_num</c> = 4, <c>agent_uptime_ms</c> =
/// 1001). Reads only those two fields; the rest of the message is skipped, not parsed.
/// </summary>
public static class DatagramIdentity
{
    private const int SequenceField = 4;
    private const int UptimeField = 1001;

    /// <summary>The identity of <paramref name="message"/>.</summary>
    /// <exception cref="FormatException">The message holds no record.</exception>
    /// <exception cref="InvalidProtocolBufferException">Its first record is not well-formed protobuf.</exception>
    public static ulong? Of(ConsumedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var input = new CodedInputStream(message.Value);
        var length = input.ReadLength();
        if (length <= 0)
        {
            throw new FormatException("The message holds no record.");
        }

        var end = input.Position + length;
        uint sequence = 0, uptime = 0;
        while (input.Position < end)
        {
            var tag = input.ReadTag();
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case SequenceField when WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint:
                    sequence = input.ReadUInt32();
                    break;
                case UptimeField when WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint:
                    uptime = input.ReadUInt32();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return ((ulong)uptime << 32) | sequence;
    }
}
